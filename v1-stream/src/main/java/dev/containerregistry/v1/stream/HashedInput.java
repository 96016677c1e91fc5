package dev.containerregistry.v1.stream;

import dev.containerregistry.v1.Hash;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.zip.CRC32;

/**
 * The layer's input, read once: every byte read is hashed (sha256, for the DiffID), checksummed
 * (CRC-32, for the gzip trailer) and counted, and the input is closed as soon as it ends.
 */
final class HashedInput implements Closeable {

  private final InputStream in;
  private final MessageDigest sha256 = Hash.newSha256();
  private final CRC32 crc = new CRC32();
  private long length;
  private boolean ended;
  private boolean closed;

  HashedInput(InputStream in) {
    this.in = in;
  }

  /** Reads at least one byte into {@code buffer}, or returns -1 once the input has ended. */
  int read(byte[] buffer, int offset, int length) throws IOException {
    if (ended) {
      return -1;
    }
    int n;
    do {
      n = readInput(buffer, offset, length);
    } while (n == 0);
    if (n < 0) {
      ended = true;
      close();
      return -1;
    }
    sha256.update(buffer, offset, n);
    crc.update(buffer, offset, n);
    this.length += n;
    return n;
  }

  /**
   * Reads from the input, naming the stream layer and how far it got when the input fails; an
   * interruption passes as it is, so that callers still see it as one.
   */
  private int readInput(byte[] buffer, int offset, int length) throws IOException {
    try {
      return in.read(buffer, offset, length);
    } catch (InterruptedIOException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException(
          "reading the input of a stream layer failed after " + this.length + " bytes: " + e, e);
    }
  }

  /** Reads until {@code length} bytes or the end of the input; returns how many were read. */
  int readFully(byte[] buffer, int offset, int length) throws IOException {
    int total = 0;
    while (total < length) {
      int n = read(buffer, offset + total, length - total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }

  /**
   * This input as a stream, for a compressor that pulls its input: reads and closes go to this
   * object, so everything read is still hashed and counted.
   */
  InputStream asStream() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        return length == 0 ? 0 : HashedInput.this.read(buffer, offset, length);
      }

      @Override
      public void close() throws IOException {
        HashedInput.this.close();
      }
    };
  }

  /** True once a read has met the end of the input. */
  boolean ended() {
    return ended;
  }

  /** The sha256 of everything read; call once, after the end. */
  Hash diffId() {
    return Hash.fromDigest(sha256.digest());
  }

  /** The CRC-32 of everything read. */
  long crc32() {
    return crc.getValue();
  }

  /** The number of bytes read. */
  long length() {
    return length;
  }

  /** Closes the input once; later calls do nothing. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      in.close();
    }
  }
}
