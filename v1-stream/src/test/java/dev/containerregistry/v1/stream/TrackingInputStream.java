package dev.containerregistry.v1.stream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory input that remembers whether it was closed and which threads read it. */
final class TrackingInputStream extends ByteArrayInputStream {

  private final Set<Thread> readers = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  private volatile int bytesRead;

  TrackingInputStream(byte[] data) {
    super(data);
  }

  @Override
  public synchronized int read(byte[] b, int off, int len) {
    readers.add(Thread.currentThread());
    int n = super.read(b, off, len);
    if (n > 0) {
      bytesRead += n;
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    super.close();
  }

  boolean closed() {
    return closed;
  }

  int bytesRead() {
    return bytesRead;
  }

  Set<Thread> readers() {
    return readers;
  }
}
