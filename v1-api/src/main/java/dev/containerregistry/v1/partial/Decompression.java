package dev.containerregistry.v1.partial;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Undoes a layer's compression by looking at its first bytes, not its media type (which is often
 * wrong in the wild): gzip is inflated, plain tar passed through, zstd refused.
 */
final class Decompression {

  private Decompression() {}

  /** The uncompressed form of {@code compressed}, which this call takes over. */
  static InputStream uncompress(InputStream compressed, String what) throws IOException {
    BufferedInputStream in = new BufferedInputStream(compressed, 64 * 1024);
    in.mark(4);
    byte[] magic = in.readNBytes(4);
    in.reset();
    if (startsWith(magic, 0x1f, 0x8b)) {
      return new GZIPInputStream(in, 64 * 1024);
    }
    if (startsWith(magic, 0x28, 0xb5, 0x2f, 0xfd)) {
      in.close();
      throw new IOException(
          "reading " + what + ": it is zstd-compressed, and this SDK reads only gzip or plain tar");
    }
    return in;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
