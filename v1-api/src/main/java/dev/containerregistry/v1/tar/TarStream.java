package dev.containerregistry.v1.tar;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;

/**
 * A tar archive produced as it is read, from members supplied one at a time: each header is encoded
 * when reached, each member's content is opened only then, copied and closed, and the
 * end-of-archive marker follows the last member. Nothing is buffered beyond one header and no
 * thread is used, so an archive of any size can feed a compressor or an upload directly. Pass the
 * same members twice and the bytes are the same.
 */
public final class TarStream extends BulkInputStream {

  /** Supplies the members of an archive in order; closed with the stream. */
  @FunctionalInterface
  public interface Members extends Closeable {

    /**
     * The next member; called only once the previous member's content has been read.
     *
     * @return the member, or null when there are no more
     * @throws IOException when producing it fails; the stream fails with it
     */
    @Nullable TarMember next() throws IOException;

    /** Releases what the members were read from; does nothing unless overridden. */
    @Override
    default void close() throws IOException {}
  }

  private static final int END_OF_ARCHIVE = 2 * UstarBlock.SIZE;

  private final Members members;

  /** Zeros for padding and the end marker, never written to. */
  private static final byte[] ZEROS = new byte[END_OF_ARCHIVE];

  private byte[] pending = ZEROS;
  private int pendingLength;
  private int pendingPos;
  private @Nullable TarMember unopened;
  private @Nullable InputStream content;
  private int contentPadding;
  private boolean finished;
  private boolean closed;

  private TarStream(Members members) {
    this.members = members;
  }

  /**
   * An archive of {@code members}, read in iteration order.
   *
   * @param members the members
   * @return the archive stream
   */
  public static TarStream of(Iterable<TarMember> members) {
    Iterator<TarMember> it = members.iterator();
    return new TarStream(() -> it.hasNext() ? it.next() : null);
  }

  /**
   * An archive of the members {@code members} supplies.
   *
   * @param members the supplier of members, closed when the stream is
   * @return the archive stream
   */
  public static TarStream of(Members members) {
    return new TarStream(members);
  }

  @Override
  int readSome(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("reading a tar stream that was closed");
    }
    while (true) {
      if (pendingPos < pendingLength) {
        int n = Math.min(len, pendingLength - pendingPos);
        System.arraycopy(pending, pendingPos, b, off, n);
        pendingPos += n;
        return n;
      }
      if (unopened != null) {
        TarEntry entry = unopened.entry();
        content = new ExactContent(unopened.content().get(), entry);
        contentPadding = UstarBlock.padding(entry.size());
        unopened = null;
      }
      if (content != null) {
        int n = content.read(b, off, len);
        if (n >= 0) {
          return n;
        }
        closeContent();
        setPending(ZEROS, contentPadding);
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
    if (closed) {
      return;
    }
    closed = true;
    try {
      closeContent();
    } finally {
      members.close();
    }
  }

  private void advance() throws IOException {
    TarMember member = members.next();
    if (member == null) {
      setPending(ZEROS, END_OF_ARCHIVE);
      finished = true;
      return;
    }
    TarEntry entry = member.entry();
    byte[] header = TarHeaderEncoder.encode(entry);
    setPending(header, header.length);
    if (entry.size() > 0) {
      unopened = member;
    }
  }

  private void setPending(byte[] bytes, int length) {
    pending = bytes;
    pendingLength = length;
    pendingPos = 0;
  }

  private void closeContent() throws IOException {
    if (content != null) {
      InputStream toClose = content;
      content = null;
      toClose.close();
    }
  }
}
