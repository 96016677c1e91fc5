package dev.containerregistry.benchmarks;

import dev.containerregistry.benchmarks.ContentGenerator.Kind;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * A tar archive of about {@code size} bytes generated on the fly from a seed: the same seed always
 * gives the same bytes, and only one 64 KiB chunk is held at a time. Its files mix executables,
 * text and already-compressed archives, in sizes from a few hundred bytes to several MiB, so that
 * it compresses roughly as a real image layer does.
 */
final class RealisticTar extends InputStream {

  private static final int CHUNK = 64 * 1024;
  private static final int END_OF_ARCHIVE = 2 * TarHeader.BLOCK;

  private final long size;
  private final SplittableRandom random;
  private final ContentGenerator content;
  private final byte[] chunk = new byte[CHUNK];
  private int chunkPosition;
  private int chunkLimit;
  private long started;
  private int files;
  private @Nullable Kind kind;
  private long contentLeft;
  private int paddingLeft;
  private boolean endWritten;

  RealisticTar(long size, long seed) {
    this.size = size;
    this.random = new SplittableRandom(seed);
    this.content = new ContentGenerator(random.split());
  }

  @Override
  public int read() {
    if (chunkPosition == chunkLimit && !refill()) {
      return -1;
    }
    return chunk[chunkPosition++] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (chunkPosition == chunkLimit && !refill()) {
      return -1;
    }
    int n = Math.min(length, chunkLimit - chunkPosition);
    System.arraycopy(chunk, chunkPosition, buffer, offset, n);
    chunkPosition += n;
    return n;
  }

  private boolean refill() {
    chunkPosition = 0;
    if (contentLeft > 0) {
      chunkLimit = (int) Math.min(CHUNK, contentLeft);
      content.fill(Objects.requireNonNull(kind, "a file was started"), chunk, 0, chunkLimit);
      contentLeft -= chunkLimit;
    } else if (paddingLeft > 0) {
      chunkLimit = paddingLeft;
      Arrays.fill(chunk, 0, chunkLimit, (byte) 0);
      paddingLeft = 0;
    } else if (started + TarHeader.BLOCK + END_OF_ARCHIVE < size) {
      startFile();
    } else if (!endWritten) {
      chunkLimit = END_OF_ARCHIVE;
      Arrays.fill(chunk, 0, chunkLimit, (byte) 0);
      endWritten = true;
    } else {
      chunkLimit = 0;
      return false;
    }
    return true;
  }

  private void startFile() {
    int choice = random.nextInt(100);
    kind = choice < 40 ? Kind.BINARY : choice < 80 ? Kind.TEXT : Kind.COMPRESSED;
    long fileSize =
        switch (kind) {
          case BINARY -> logUniform(4 << 10, 4 << 20);
          case TEXT -> logUniform(200, 1 << 20);
          case COMPRESSED -> logUniform(1 << 10, 2 << 20);
        };
    long room = size - started - TarHeader.BLOCK - END_OF_ARCHIVE;
    fileSize = Math.max(0, Math.min(fileSize, room));
    String name =
        String.format(
            "usr/lib/pkg%03d/file%06d.%s",
            files / 100, files, kind.name().toLowerCase(Locale.ROOT));
    files++;
    TarHeader.write(chunk, name, fileSize);
    chunkLimit = TarHeader.BLOCK;
    contentLeft = fileSize;
    paddingLeft = (int) ((TarHeader.BLOCK - fileSize % TarHeader.BLOCK) % TarHeader.BLOCK);
    started += TarHeader.BLOCK + fileSize + paddingLeft;
  }

  private long logUniform(long min, long max) {
    double low = Math.log((double) min);
    double exponent = low + random.nextDouble() * (Math.log((double) max) - low);
    return (long) Math.exp(exponent);
  }
}
