package dev.containerregistry.v1.stream;

import java.io.IOException;
import java.util.zip.Deflater;

/**
 * Compresses in the reader's own thread: each read deflates straight into the reader's buffer,
 * feeding the deflater from the input as it asks for more. No thread, no copy of the output.
 */
final class SequentialGzipStream extends GzipLayerStream {

  private static final int INPUT_BUFFER_SIZE = 128 * 1024;

  private final HashedInput input;
  private final Deflater deflater;
  private final byte[] inputBuffer = new byte[INPUT_BUFFER_SIZE];

  SequentialGzipStream(HashedInput input, int compressionLevel, StreamLifecycle lifecycle) {
    super(input, compressionLevel, lifecycle);
    this.input = input;
    this.deflater = new Deflater(compressionLevel, true);
  }

  @Override
  int body(byte[] buffer, int offset, int length) throws IOException {
    while (true) {
      int n = deflater.deflate(buffer, offset, length);
      if (n > 0) {
        return n;
      }
      if (deflater.finished()) {
        return -1;
      }
      if (deflater.needsInput()) {
        feed();
      }
    }
  }

  @Override
  void release() {
    deflater.end();
  }

  private void feed() throws IOException {
    int n = input.read(inputBuffer, 0, inputBuffer.length);
    if (n < 0) {
      deflater.finish();
    } else {
      deflater.setInput(inputBuffer, 0, n);
    }
  }
}
