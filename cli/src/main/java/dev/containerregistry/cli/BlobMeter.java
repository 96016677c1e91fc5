package dev.containerregistry.cli;

import dev.containerregistry.v1.Hash;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * The bytes of one blob read so far, counted by the streams {@link #count} wraps, and shown by the
 * {@link ProgressBar} that made it. Each new stream starts the count again (a retried read is not
 * counted twice). Its state is guarded by that bar.
 */
final class BlobMeter {

  private final ProgressBar bar;
  private final String label;
  private final @Nullable Hash digest;
  private final long size;
  private long done;
  private boolean complete;

  /**
   * A meter shown as {@code label}; {@code digest} is set for a download (which counts toward the
   * totals), {@code size} is -1 when unknown.
   */
  BlobMeter(ProgressBar bar, String label, @Nullable Hash digest, long size) {
    this.bar = bar;
    this.label = label;
    this.digest = digest;
    this.size = size;
  }

  /** {@code in}, its bytes counted by this meter as they are read. */
  InputStream count(InputStream in) {
    synchronized (bar) {
      done = 0;
      bar.opened(this);
    }
    return new Counting(in);
  }

  String label() {
    return label;
  }

  @Nullable Hash digest() {
    return digest;
  }

  /** The blob's size, or -1 when it is unknown. */
  long size() {
    return size;
  }

  /** The bytes the latest stream has read. */
  long done() {
    return done;
  }

  /** The bytes to count toward the totals: all of them once a stream was read to its end. */
  long counted() {
    return complete ? size : Math.min(done, size);
  }

  private void read(long n) {
    synchronized (bar) {
      done += n;
      bar.advanced(this);
    }
  }

  private void closed(boolean atEnd) {
    synchronized (bar) {
      boolean first = atEnd && !complete;
      complete |= atEnd;
      bar.closed(this, first);
    }
  }

  /** Counts what passes and tells the meter once, at the end or when closed before it. */
  private final class Counting extends FilterInputStream {
    private boolean over;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        BlobMeter.this.read(1);
      } else {
        over(true);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        BlobMeter.this.read(n);
      } else if (n < 0) {
        over(true);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      if (skipped > 0) {
        BlobMeter.this.read(skipped);
      }
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        over(false);
      }
    }

    private void over(boolean atEnd) {
      if (!over) {
        over = true;
        closed(atEnd);
      }
    }
  }
}
