package dev.containerregistry.cli;

import dev.containerregistry.v1.remote.BlobEvent;
import dev.containerregistry.v1.remote.Progress;
import dev.containerregistry.v1.remote.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar redrawn in place on a terminal: bytes done of the total known so far, the
 * rate since the start, how many blobs are in place and the last one finished. Redraws at most ten
 * times a second; with {@code verbose}, every finished blob also gets a line of its own above the
 * bar.
 */
final class ProgressBar implements ProgressListener {

  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int WIDTH = 24;
  private static final String CLEAR_LINE = "\r\033[K";

  private final PrintStream err;
  private final boolean verbose;
  private final LongSupplier clock;
  private final long start;
  private Progress latest = new Progress(0, 0);
  private int blobs;
  private String lastBlob = "";
  private long lastDraw;
  private boolean drawn;

  ProgressBar(PrintStream err, boolean verbose, LongSupplier clock) {
    this.err = err;
    this.verbose = verbose;
    this.clock = clock;
    this.start = clock.getAsLong();
    this.lastDraw = start - REDRAW_NANOS;
  }

  @Override
  public synchronized void onProgress(Progress progress) {
    latest = progress;
    long now = clock.getAsLong();
    if (now - lastDraw >= REDRAW_NANOS) {
      draw(now);
    }
  }

  @Override
  public synchronized void onBlob(BlobEvent event) {
    blobs++;
    lastBlob = shortDigest(event) + " " + event.outcome().name().toLowerCase(Locale.ROOT);
    if (verbose) {
      err.print(CLEAR_LINE);
      err.println(describe(event));
    }
    draw(clock.getAsLong());
  }

  /** Draws the final state and ends the line, if anything was drawn. */
  synchronized void finish() {
    if (drawn) {
      draw(clock.getAsLong());
      err.println();
      err.flush();
    }
  }

  /** One finished blob: {@code uploaded sha256:… (1.2 MiB)}. */
  static String describe(BlobEvent event) {
    return event.outcome().name().toLowerCase(Locale.ROOT)
        + " "
        + event.digest()
        + " ("
        + bytes(event.size())
        + ")";
  }

  private void draw(long now) {
    lastDraw = now;
    drawn = true;
    long total = latest.total();
    long complete = latest.complete();
    int filled = total == 0 ? 0 : (int) Math.min(WIDTH, complete * WIDTH / total);
    double seconds = Math.max((now - start) / 1e9, 1e-3);
    String line =
        "["
            + "#".repeat(filled)
            + ".".repeat(WIDTH - filled)
            + "] "
            + bytes(complete)
            + " / "
            + bytes(total)
            + "  "
            + bytes((long) (complete / seconds))
            + "/s  "
            + blobs
            + (blobs == 1 ? " blob" : " blobs")
            + " done"
            + (lastBlob.isEmpty() ? "" : " (last: " + lastBlob + ")");
    err.print(CLEAR_LINE + line);
    err.flush();
  }

  private static String shortDigest(BlobEvent event) {
    String hex = event.digest().hex();
    return event.digest().algorithm() + ":" + hex.substring(0, Math.min(12, hex.length()));
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = n;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
