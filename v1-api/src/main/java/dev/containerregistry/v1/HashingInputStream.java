package dev.containerregistry.v1;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.function.Consumer;

/**
 * Passes bytes through, and when the end is first reached hands their sha256 and count to a
 * listener; made by {@link Hash#hashing}.
 */
final class HashingInputStream extends FilterInputStream {

  private final MessageDigest sha256 = Hash.newSha256();
  private final Consumer<Hash.Sized> atEnd;
  private long count;
  private boolean ended;

  HashingInputStream(InputStream in, Consumer<Hash.Sized> atEnd) {
    super(in);
    this.atEnd = atEnd;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      sha256.update(b, off, n);
      count += n;
    } else if (n < 0 && !ended) {
      ended = true;
      atEnd.accept(new Hash.Sized(Hash.fromDigest(sha256.digest()), count));
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(n, 8192)];
    int read = read(buffer, 0, buffer.length);
    return Math.max(read, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
