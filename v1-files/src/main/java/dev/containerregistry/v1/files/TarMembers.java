package dev.containerregistry.v1.files;

import dev.containerregistry.v1.tar.TarEntry;
import dev.containerregistry.v1.tar.TarMember;
import dev.containerregistry.v1.tar.TarStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Turns planned entries into the members of the project's tar stream. */
final class TarMembers {

  private static final Set<OpenOption> READ_NOT_FOLLOWING =
      Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

  private TarMembers() {}

  /**
   * The tar of {@code entries}, in order: each member is made when the tar reaches it, and the
   * content of a file on disk is opened only then.
   */
  static TarStream tarOf(List<PlannedEntry> entries) {
    Iterator<PlannedEntry> next = entries.iterator();
    return TarStream.of(() -> next.hasNext() ? member(next.next()) : null);
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
    BasicFileAttributes now =
        Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (now.size() != e.size() || !now.lastModifiedTime().equals(e.sourceTime())) {
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
              + now.lastModifiedTime());
    }
    return Channels.newInputStream(FileChannel.open(source, READ_NOT_FOLLOWING));
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
