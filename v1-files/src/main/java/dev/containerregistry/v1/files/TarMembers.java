package dev.containerregistry.v1.files;

import dev.containerregistry.v1.tar.TarEntry;
import dev.containerregistry.v1.tar.TarMember;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Turns planned entries into the members of the project's tar stream. */
final class TarMembers {

  private TarMembers() {}

  /** The members, in order; the content of a file on disk is opened when the tar reaches it. */
  static List<TarMember> of(List<PlannedEntry> entries) {
    List<TarMember> members = new ArrayList<>(entries.size());
    for (PlannedEntry e : entries) {
      members.add(member(e));
    }
    return members;
  }

  private static TarMember member(PlannedEntry e) {
    TarEntry.Builder header =
        TarEntry.builder(e.tarName(), type(e.kind()))
            .mode(e.mode())
            .owner(e.owner().uid(), e.owner().gid())
            .ownerNames(e.owner().userName(), e.owner().groupName())
            .modTime(e.modTime())
            .linkName(e.linkTarget());
    byte[] bytes = e.bytes();
    if (bytes != null) {
      return TarMember.of(header.build(), bytes);
    }
    Path source = e.source();
    if (source == null || e.kind() != PlannedEntry.Kind.FILE) {
      return TarMember.of(header.build());
    }
    return new TarMember(header.size(e.size()).build(), () -> open(e, source));
  }

  /**
   * Opens a file on disk, first checking that it still has the size and time it had when the tree
   * was walked.
   */
  private static InputStream open(PlannedEntry e, Path source) throws IOException {
    FileFacts now = FileFacts.of(source);
    if (now.size() != e.size() || !now.modified().equals(e.sourceTime())) {
      throw new IOException(
          "reading a file layer: "
              + source
              + " (for "
              + e.path()
              + ") changed after its directory was walked: it had "
              + e.size()
              + " bytes modified at "
              + Objects.requireNonNull(e.sourceTime())
              + ", now "
              + now.size()
              + " bytes modified at "
              + now.modified());
    }
    return Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS);
  }

  private static TarEntry.Type type(PlannedEntry.Kind kind) {
    return switch (kind) {
      case FILE -> TarEntry.Type.REGULAR;
      case DIRECTORY -> TarEntry.Type.DIRECTORY;
      case SYMLINK -> TarEntry.Type.SYMLINK;
      case HARD_LINK -> TarEntry.Type.HARD_LINK;
    };
  }
}
