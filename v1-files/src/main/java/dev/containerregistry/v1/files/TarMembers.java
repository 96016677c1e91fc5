package dev.containerregistry.v1.files;

import dev.containerregistry.v1.tar.TarEntry;
import dev.containerregistry.v1.tar.TarMember;
import dev.containerregistry.v1.tar.TarStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Turns planned entries into the members of the project's tar stream. */
final class TarMembers {

  private TarMembers() {}

  /**
   * The tar of {@code entries}, in order: each member is made when the tar reaches it, and the
   * content of a file on disk is opened only then.
   */
  static TarStream tarOf(List<PlannedEntry> entries) {
    Iterator<PlannedEntry> next = entries.iterator();
    FileContents contents = new FileContents();
    return TarStream.of(() -> next.hasNext() ? member(next.next(), contents) : null);
  }

  private static TarMember member(PlannedEntry e, FileContents contents) {
    byte[] bytes = e.bytes();
    if (bytes != null) {
      return TarMember.of(header(e, bytes.length), bytes);
    }
    Path source = e.source();
    if (source == null || e.kind() != PlannedEntry.Kind.FILE) {
      return TarMember.of(header(e, 0));
    }
    return new TarMember(header(e, e.size()), () -> open(e, source, contents));
  }

  /** The header of {@code e}, made at once rather than through a builder (one per entry). */
  private static TarEntry header(PlannedEntry e, long size) {
    PlannedEntry.Owner owner = e.owner();
    return new TarEntry(
        e.tarName(),
        type(e.kind()),
        e.mode(),
        owner.uid(),
        owner.gid(),
        owner.userName(),
        owner.groupName(),
        size,
        e.modTime(),
        e.linkTarget(),
        0,
        0,
        Map.of());
  }

  /**
   * Opens a file on disk, first checking that it still has the size and time it had when the tree
   * was walked.
   */
  private static InputStream open(PlannedEntry e, Path source, FileContents contents)
      throws IOException {
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
    return contents.open(source);
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
