package dev.containerregistry.v1.zstd;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.Cleaner;

/**
 * zstd-jni's decompressing stream, whose native state is freed on close, or once the stream is
 * unreachable if it never is closed.
 */
final class ZstdDecompressingInputStream extends FilterInputStream {

  private final Cleaner.Cleanable release;

  ZstdDecompressingInputStream(InputStream compressed) throws IOException {
    this(new ZstdInputStreamNoFinalizer(compressed));
  }

  private ZstdDecompressingInputStream(ZstdInputStreamNoFinalizer zstd) {
    super(zstd);
    this.release = NativeRelease.whenUnreachable(this, () -> releaseUnreachable(zstd));
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    return in.read(buffer, offset, length);
  }

  /** Closes the blob and frees the native state (closing twice does nothing more). */
  @Override
  public void close() throws IOException {
    try {
      in.close();
    } finally {
      release.clean();
    }
  }

  private static void releaseUnreachable(InputStream zstd) {
    try {
      zstd.close();
    } catch (IOException ignored) {
      // The stream is unreachable: nobody is left to tell that closing its blob failed.
    }
  }
}
