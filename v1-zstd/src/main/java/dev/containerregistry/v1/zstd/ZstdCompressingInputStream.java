package dev.containerregistry.v1.zstd;

import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.ZstdCompressCtx;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Reads as the zstd compression of another stream, compressing as it is read: one frame, with a
 * content checksum. With one worker the reader's thread compresses; with more, zstd's native
 * workers do, and the reader's thread feeds them. Memory: two 128 KiB buffers on the heap, and
 * zstd's native context (with workers, about a few jobs of input each).
 */
final class ZstdCompressingInputStream extends InputStream {

  private static final int BUFFER_SIZE = 128 * 1024;

  private final InputStream source;
  private final ZstdCompressCtx context;
  private final Cleaner.Cleanable release;
  private final ByteBuffer input = ByteBuffer.allocate(BUFFER_SIZE).limit(0);
  private final ByteBuffer output = ByteBuffer.allocate(BUFFER_SIZE).limit(0);
  private final byte[] single = new byte[1];
  private boolean inputEnded;
  private boolean frameEnded;
  private boolean closed;

  ZstdCompressingInputStream(InputStream source, int level, int workers) {
    this.source = Objects.requireNonNull(source, "source");
    ZstdCompressCtx ctx = new ZstdCompressCtx();
    try {
      ctx.setLevel(level).setChecksum(true).setContentSize(false);
      if (workers > 1) {
        ctx.setWorkers(workers);
      }
    } catch (RuntimeException e) {
      ctx.close();
      throw e;
    }
    this.context = ctx;
    this.release = NativeRelease.whenUnreachable(this, ctx::close);
  }

  @Override
  public int read() throws IOException {
    return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (closed) {
      throw new IOException("this zstd stream is closed");
    }
    if (length == 0) {
      return 0;
    }
    while (!output.hasRemaining()) {
      if (frameEnded) {
        return -1;
      }
      compressMore();
    }
    int n = Math.min(length, output.remaining());
    output.get(buffer, offset, n);
    return n;
  }

  @Override
  public int available() {
    return output.remaining();
  }

  /** Closes the input and frees the native context; safe to call more than once. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      source.close();
    } finally {
      release.clean();
    }
  }

  /** Fills the output buffer anew with what zstd makes of the next input, possibly nothing. */
  private void compressMore() throws IOException {
    if (!input.hasRemaining() && !inputEnded) {
      int n = source.read(input.array(), 0, input.capacity());
      if (n < 0) {
        inputEnded = true;
        input.limit(0);
      } else {
        input.position(0).limit(n);
      }
    }
    output.clear();
    boolean done =
        context.compressByteBufferStream(
            output, input, inputEnded ? EndDirective.END : EndDirective.CONTINUE);
    output.flip();
    if (inputEnded && done) {
      frameEnded = true;
      release.clean();
    }
  }
}
