package dev.containerregistry.benchmarks;

import dev.containerregistry.benchmarks.ContentGenerator.Kind;
import dev.containerregistry.v1.tar.TarEntry;
import dev.containerregistry.v1.tar.TarMember;
import dev.containerregistry.v1.tar.TarStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * A tar archive of about {@code size} bytes generated on the fly from a seed: the same seed always
 * gives the same bytes, and only one 64 KiB chunk is held at a time. Its files mix executables,
 * text and already-compressed archives, in sizes from a few hundred bytes to several MiB, so that
 * it compresses roughly as a real image layer does. The archive itself is written by the SDK's
 * {@link TarStream}.
 */
final class RealisticTar implements TarStream.Members {

  private static final int CHUNK = 64 * 1024;
  private static final int BLOCK = 512;
  private static final int END_OF_ARCHIVE = 2 * BLOCK;
  private static final Instant MTIME = Instant.ofEpochSecond(1_700_000_000L);

  private final long size;
  private final SplittableRandom random;
  private final ContentGenerator content;
  private long started;
  private int files;

  private RealisticTar(long size, long seed) {
    this.size = size;
    this.random = new SplittableRandom(seed);
    this.content = new ContentGenerator(random.split());
  }

  /** The archive of about {@code size} bytes generated from {@code seed}. */
  static InputStream open(long size, long seed) {
    return TarStream.of(new RealisticTar(size, seed));
  }

  @Override
  public @Nullable TarMember next() {
    if (started + BLOCK + END_OF_ARCHIVE >= size) {
      return null;
    }
    int choice = random.nextInt(100);
    Kind kind = choice < 40 ? Kind.BINARY : choice < 80 ? Kind.TEXT : Kind.COMPRESSED;
    long fileSize =
        switch (kind) {
          case BINARY -> logUniform(4 << 10, 4 << 20);
          case TEXT -> logUniform(200, 1 << 20);
          case COMPRESSED -> logUniform(1 << 10, 2 << 20);
        };
    long room = size - started - BLOCK - END_OF_ARCHIVE;
    fileSize = Math.max(0, Math.min(fileSize, room));
    String name =
        String.format(
            "usr/lib/pkg%03d/file%06d.%s",
            files / 100, files, kind.name().toLowerCase(Locale.ROOT));
    files++;
    started += BLOCK + fileSize + (BLOCK - fileSize % BLOCK) % BLOCK;
    TarEntry entry =
        TarEntry.builder(name, TarEntry.Type.REGULAR)
            .ownerNames("root", "root")
            .modTime(MTIME)
            .size(fileSize)
            .build();
    long contentSize = fileSize;
    return new TarMember(entry, () -> new GeneratedContent(kind, contentSize));
  }

  private long logUniform(long min, long max) {
    double low = Math.log((double) min);
    double exponent = low + random.nextDouble() * (Math.log((double) max) - low);
    return (long) Math.exp(exponent);
  }

  /** One file's content, generated a chunk at a time. */
  private final class GeneratedContent extends InputStream {
    private final Kind kind;
    private final byte[] chunk = new byte[CHUNK];
    private long left;
    private int position;
    private int limit;

    GeneratedContent(Kind kind, long size) {
      this.kind = kind;
      this.left = size;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (position == limit) {
        if (left == 0) {
          return -1;
        }
        limit = (int) Math.min(CHUNK, left);
        content.fill(kind, chunk, 0, limit);
        left -= limit;
        position = 0;
      }
      int n = Math.min(length, limit - position);
      System.arraycopy(chunk, position, buffer, offset, n);
      position += n;
      return n;
    }
  }
}
