package dev.containerregistry.v1.remote.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.hc.core5.http.ContentType;
import org.junit.jupiter.api.Test;

/** A streamed body goes out whole, in large writes, and never past its declared length. */
class StreamBodyEntityTest {

  private static final int SIZE = 3 * StreamBodyEntity.WRITE_SIZE + 123;
  private final byte[] data = new byte[SIZE];

  StreamBodyEntityTest() {
    new Random(SIZE).nextBytes(data);
  }

  /** Records each write's length. */
  private static final class Recording extends ByteArrayOutputStream {
    final List<Integer> writes = new ArrayList<>();

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      writes.add(len);
      super.write(b, off, len);
    }
  }

  /** Hands out at most 1000 bytes per read, as a network or a compressor may. */
  private InputStream trickle(byte[] bytes) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, 1000));
      }
    };
  }

  private Recording write(InputStream body, long length) throws IOException {
    Recording out = new Recording();
    new StreamBodyEntity(body, length, ContentType.APPLICATION_OCTET_STREAM).writeTo(out);
    return out;
  }

  @Test
  void aBodyOfUnknownLengthGoesOutWholeInFullPiecesThoughItIsReadInSmallOnes() throws IOException {
    Recording out = write(trickle(data), -1);

    assertArrayEquals(data, out.toByteArray());
    assertEquals(
        List.of(
            StreamBodyEntity.WRITE_SIZE,
            StreamBodyEntity.WRITE_SIZE,
            StreamBodyEntity.WRITE_SIZE,
            123),
        out.writes);
  }

  @Test
  void aBodyOfKnownLengthStopsAtItsLength() throws IOException {
    Recording out = write(trickle(data), 500_000);

    assertArrayEquals(Arrays.copyOf(data, 500_000), out.toByteArray());
  }

  @Test
  void aBodyShorterThanItsLengthWritesWhatItHasAndClosesItsStream() throws IOException {
    boolean[] closed = {false};
    InputStream body =
        new ByteArrayInputStream(data, 0, 500) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };

    Recording out = write(body, SIZE);

    assertEquals(500, out.size());
    assertTrue(closed[0], "the body is closed once written");
  }
}
