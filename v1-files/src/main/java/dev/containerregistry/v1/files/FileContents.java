package dev.containerregistry.v1.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;

/**
 * Opens the files of one tar read, one after the other, as streams over file channels that make no
 * garbage per read: the buffers wrapping the arrays read into are kept and reused, since a
 * compressor fills the same few arrays over and over, file after file. Used by one thread at a
 * time, as a tar is read.
 */
final class FileContents {

  /** How many arrays keep their buffer; past that the buffers are dropped and made again. */
  private static final int MAX_WRAPPED_ARRAYS = 64;

  private static final Set<OpenOption> READ_NOT_FOLLOWING =
      Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

  private final IdentityHashMap<byte[], ByteBuffer> buffers = new IdentityHashMap<>();
  private final ByteBuffer oneByte = ByteBuffer.allocate(1);

  /** The content of {@code file}, opened now without following a link; close it once read. */
  InputStream open(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, READ_NOT_FOLLOWING);
    return new InputStream() {
      @Override
      public int read() throws IOException {
        oneByte.clear();
        int n = readInto(channel, oneByte);
        return n < 0 ? -1 : oneByte.get(0) & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
          return 0;
        }
        ByteBuffer buffer = bufferOver(b);
        buffer.limit(off + len).position(off);
        return readInto(channel, buffer);
      }

      @Override
      public void close() throws IOException {
        channel.close();
      }
    };
  }

  /** Reads at least one byte into {@code buffer}, or returns -1 at the end of the file. */
  private static int readInto(FileChannel channel, ByteBuffer buffer) throws IOException {
    int n;
    do {
      n = channel.read(buffer);
    } while (n == 0);
    return n;
  }

  private ByteBuffer bufferOver(byte[] array) {
    ByteBuffer buffer = buffers.get(array);
    if (buffer == null) {
      if (buffers.size() == MAX_WRAPPED_ARRAYS) {
        buffers.clear();
      }
      buffer = ByteBuffer.wrap(array);
      buffers.put(array, buffer);
    }
    return buffer;
  }
}
