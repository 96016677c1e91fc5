package dev.containerregistry.v1.tar;

import dev.containerregistry.v1.IoSupplier;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;

/**
 * One entry of an archive to produce: its header and how to open its content, which is opened only
 * when the archive reaches it and must hold exactly {@link TarEntry#size()} bytes.
 *
 * @param entry the header
 * @param content opens the content; not called when the size is 0
 */
public record TarMember(TarEntry entry, IoSupplier<InputStream> content) {

  /** Refuses nulls. */
  public TarMember {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(content, "content");
  }

  /**
   * A member without content: a directory, a link, or an empty file.
   *
   * @param entry the header, of size 0
   * @return the member
   * @throws IllegalArgumentException when the entry has a size
   */
  public static TarMember of(TarEntry entry) {
    if (entry.size() != 0) {
      throw new IllegalArgumentException(
          "tar entry \"" + entry.name() + "\" has " + entry.size() + " bytes but no content");
    }
    return new TarMember(entry, InputStream::nullInputStream);
  }

  /**
   * A member whose content is in memory; the entry's size is set to its length.
   *
   * @param entry the header
   * @param content the content bytes, not copied
   * @return the member
   */
  public static TarMember of(TarEntry entry, byte[] content) {
    return new TarMember(
        entry.toBuilder().size(content.length).build(), () -> new ByteArrayInputStream(content));
  }
}
