package dev.containerregistry.v1.mutate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A tar archive produced on demand from the entries of one or more source archives, read in order:
 * each entry's header passes through an {@link EntryMapper}, which may change it or drop it, and
 * its content is copied unchanged. Nothing is buffered beyond one header; no thread is used. Each
 * source is opened when reached, read to its very end (so a verifying source checks its digest) and
 * closed.
 */
final class TarRewriteStream extends InputStream {

  /** Decides, entry by entry, what is written. */
  interface EntryMapper {

    /**
     * The header to write in place of {@code entry}, with the same size, or empty to drop the entry
     * and its content.
     *
     * @throws IOException to fail the whole stream, for example on an unsafe path
     */
    Optional<TarEntry> map(TarEntry entry) throws IOException;

    /** Called after the last entry of each source. */
    default void sourceEnded() {}
  }

  /** One source archive: how to open it and what to call it in messages. */
  record Source(IoSupplier<InputStream> opener, String description) {}

  private static final int END_OF_ARCHIVE = 2 * UstarBlock.SIZE;

  private final Iterator<Source> sources;
  private final EntryMapper mapper;
  private @Nullable InputStream raw;
  private @Nullable TarReader reader;
  private byte[] pending = new byte[0];
  private int pendingPos;
  private @Nullable InputStream content;
  private long contentLeft;
  private int contentPadding;
  private boolean finished;
  private boolean closed;

  TarRewriteStream(List<Source> sources, EntryMapper mapper) {
    this.sources = List.copyOf(sources).iterator();
    this.mapper = mapper;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("reading a tar stream that was closed");
    }
    if (len == 0) {
      return 0;
    }
    while (true) {
      if (pendingPos < pending.length) {
        int n = Math.min(len, pending.length - pendingPos);
        System.arraycopy(pending, pendingPos, b, off, n);
        pendingPos += n;
        return n;
      }
      if (content != null) {
        if (contentLeft > 0) {
          int n = content.read(b, off, (int) Math.min(len, contentLeft));
          contentLeft -= n;
          return n;
        }
        content = null;
        setPending(new byte[contentPadding]);
        continue;
      }
      if (finished) {
        return -1;
      }
      advance();
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    closeSource();
  }

  /** Moves to the next entry to write, the next source, or the end of the archive. */
  private void advance() throws IOException {
    if (reader == null) {
      if (!sources.hasNext()) {
        setPending(new byte[END_OF_ARCHIVE]);
        finished = true;
        return;
      }
      Source source = sources.next();
      raw = source.opener().get();
      reader = new TarReader(raw, source.description());
    }
    TarEntry entry = reader.next();
    if (entry == null) {
      Objects.requireNonNull(raw, "an open source").transferTo(OutputStream.nullOutputStream());
      closeSource();
      mapper.sourceEnded();
      return;
    }
    Optional<TarEntry> mapped = mapper.map(entry);
    if (mapped.isEmpty()) {
      return;
    }
    TarEntry out = mapped.get();
    if (out.size() != entry.size()) {
      throw new IllegalStateException(
          "an entry mapper changed the size of \"" + entry.name() + "\"");
    }
    setPending(TarHeaderEncoder.encode(out));
    content = reader.content();
    contentLeft = out.size();
    contentPadding = UstarBlock.padding(out.size());
  }

  private void setPending(byte[] bytes) {
    pending = bytes;
    pendingPos = 0;
  }

  private void closeSource() throws IOException {
    reader = null;
    if (raw != null) {
      InputStream toClose = raw;
      raw = null;
      toClose.close();
    }
  }
}
