package dev.containerregistry.v1.tarball;

import dev.containerregistry.v1.LimitedInputStream;
import dev.containerregistry.v1.tar.TarEntry;
import dev.containerregistry.v1.tar.TarReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each entry of a tar file starts and how long it is, from one pass over its headers (the
 * content is skipped, not read); an entry is later read by seeking to it.
 */
final class ArchiveEntries {

  /** One entry: its header, and the offset of its first content byte. */
  private record Located(TarEntry entry, long offset) {}

  private final Path file;
  private final Map<String, Located> entries;

  private ArchiveEntries(Path file, Map<String, Located> entries) {
    this.file = file;
    this.entries = entries;
  }

  /** Reads the headers of {@code file}. */
  static ArchiveEntries scan(Path file) throws IOException {
    Map<String, Located> entries = new HashMap<>();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        CountingStream in = new CountingStream(Channels.newInputStream(channel))) {
      TarReader reader = new TarReader(in, file.toString());
      for (TarEntry entry; (entry = reader.next()) != null; ) {
        String name = entry.name().startsWith("./") ? entry.name().substring(2) : entry.name();
        entries.put(name, new Located(entry, in.count));
      }
    }
    return new ArchiveEntries(file, entries);
  }

  /** Whether the archive has a regular file or link named {@code path}. */
  boolean has(String path) {
    return entries.containsKey(path);
  }

  /** The size of the regular file {@code path}. */
  long size(String path, String where) throws IOException {
    return regular(path, where).entry().size();
  }

  /**
   * A new stream of the regular file {@code path}.
   *
   * @throws UnsafeArchiveException when it is a link
   * @throws NoSuchFileException when there is no such entry
   */
  InputStream open(String path, String where) throws IOException {
    Located located = regular(path, where);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    channel.position(located.offset());
    return new LimitedInputStream(
        Channels.newInputStream(channel), located.entry().size(), path + " in " + file);
  }

  /** Reads the regular file {@code path} whole, refusing more than {@code limit} bytes. */
  byte[] read(String path, String where, int limit) throws IOException {
    if (size(path, where) > limit) {
      throw new IOException(
          where + ": " + path + " in " + file + " is larger than " + limit + " bytes: refused");
    }
    try (InputStream in = open(path, where)) {
      return in.readAllBytes();
    }
  }

  @Override
  public String toString() {
    return file.toString();
  }

  private Located regular(String path, String where) throws IOException {
    Located located = entries.get(path);
    if (located == null) {
      throw new NoSuchFileException(file + "!" + path, null, where + " names it, but it is absent");
    }
    TarEntry.Type type = located.entry().type();
    if (type != TarEntry.Type.REGULAR) {
      throw new UnsafeArchiveException(
          where
              + ": "
              + path
              + " in "
              + file
              + " is a "
              + type
              + (located.entry().isLink() ? " to " + located.entry().linkName() : "")
              + ", not a regular file: refused");
    }
    return located;
  }

  /** Counts the bytes read through it, so that the offset of each entry's content is known. */
  private static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
