package dev.containerregistry.cli;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.remote.BlobEvent;
import dev.containerregistry.v1.remote.Progress;
import dev.containerregistry.v1.remote.ProgressListener;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What a command shows of its transfers: a one-line bar redrawn in place on a terminal with bytes
 * done of the total known so far, the rate since the start, how many blobs are in place, and the
 * bytes of the blob being read (or of the last one finished). Redraws at most ten times a second.
 * With {@code verbose}, every finished blob also gets a line of its own (above the bar when there
 * is one).
 *
 * <p>Two sources feed it: the SDK's push progress ({@link ProgressListener}, totals and finished
 * blobs), and {@link BlobMeter}s that count the bytes of blobs as the CLI's own streams read them.
 * A {@link #download download} meter counts toward the totals and the finished blobs (a pull has no
 * SDK progress); an {@link #upload upload} meter only shows its blob's bytes while it is read,
 * since the SDK's push progress already counts them.
 */
final class ProgressBar implements ProgressListener {

  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int WIDTH = 24;
  private static final String CLEAR_LINE = "\r\033[K";

  private final PrintStream err;
  private final boolean drawing;
  private final boolean verbose;
  private final LongSupplier clock;
  private final long start;
  private final Map<String, BlobMeter> meters = new LinkedHashMap<>();
  private final List<BlobMeter> reading = new ArrayList<>();
  private Progress pushed = new Progress(0, 0);
  private int blobs;
  private String lastBlob = "";
  private long lastDraw;
  private boolean drawn;

  /**
   * A display on {@code err}: the bar only when {@code drawing}, a line per finished blob only when
   * {@code verbose}; {@code clock} gives nanoseconds.
   */
  ProgressBar(PrintStream err, boolean drawing, boolean verbose, LongSupplier clock) {
    this.err = err;
    this.drawing = drawing;
    this.verbose = verbose;
    this.clock = clock;
    this.start = clock.getAsLong();
    this.lastDraw = start - REDRAW_NANOS;
  }

  @Override
  public synchronized void onProgress(Progress progress) {
    pushed = progress;
    redrawSoon();
  }

  @Override
  public synchronized void onBlob(BlobEvent event) {
    String outcome = event.outcome().name().toLowerCase(Locale.ROOT);
    finished(event.digest(), outcome, event.size());
  }

  /**
   * A meter for the blob {@code digest} of {@code size} bytes that is being downloaded; it counts
   * toward the totals from now on. The same digest gets the same meter.
   */
  synchronized BlobMeter download(Hash digest, long size) {
    return meters.computeIfAbsent(
        digest.toString(), key -> new BlobMeter(this, shortDigest(digest), digest, size));
  }

  /** A meter that shows the bytes of the blob {@code label} while it is read for an upload. */
  synchronized BlobMeter upload(String label) {
    return new BlobMeter(this, label, null, -1);
  }

  /** Draws the final state and ends the line, if anything was drawn. */
  synchronized void finish() {
    if (drawn) {
      draw(clock.getAsLong());
      err.println();
      err.flush();
    }
  }

  synchronized void opened(BlobMeter meter) {
    reading.remove(meter);
    reading.add(meter);
    redrawSoon();
  }

  synchronized void advanced(BlobMeter meter) {
    if (reading.isEmpty() || reading.get(reading.size() - 1) != meter) {
      reading.remove(meter);
      reading.add(meter);
    }
    redrawSoon();
  }

  synchronized void closed(BlobMeter meter, boolean atEnd) {
    reading.remove(meter);
    Hash digest = meter.digest();
    if (atEnd && digest != null) {
      finished(digest, "pulled", meter.done());
    } else {
      redrawSoon();
    }
  }

  /** One finished blob: {@code uploaded sha256:… (1.2 MiB)}. */
  static String describe(String outcome, Hash digest, long size) {
    return outcome + " " + digest + " (" + bytes(size) + ")";
  }

  private void finished(Hash digest, String outcome, long size) {
    blobs++;
    lastBlob = shortDigest(digest) + " " + outcome + ", " + bytes(size);
    if (verbose) {
      if (drawing) {
        err.print(CLEAR_LINE);
      }
      err.println(describe(outcome, digest, size));
    }
    draw(clock.getAsLong());
  }

  private void redrawSoon() {
    long now = clock.getAsLong();
    if (now - lastDraw >= REDRAW_NANOS) {
      draw(now);
    }
  }

  private void draw(long now) {
    if (!drawing) {
      return;
    }
    lastDraw = now;
    drawn = true;
    long total = pushed.total();
    long complete = pushed.complete();
    for (BlobMeter meter : meters.values()) {
      total += meter.size();
      complete += meter.counted();
    }
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
            + current();
    err.print(CLEAR_LINE + line);
    err.flush();
  }

  /** The blob read most recently, with its bytes, or else the last one finished. */
  private String current() {
    if (!reading.isEmpty()) {
      BlobMeter meter = reading.get(reading.size() - 1);
      String others = reading.size() > 1 ? " (+" + (reading.size() - 1) + " more)" : "";
      String of = meter.size() >= 0 ? " / " + bytes(meter.size()) : "";
      return "  " + meter.label() + " " + bytes(meter.done()) + of + others;
    }
    return lastBlob.isEmpty() ? "" : " (last: " + lastBlob + ")";
  }

  /** {@code sha256:} and the first 12 hex digits. */
  static String shortDigest(Hash digest) {
    String hex = digest.hex();
    return digest.algorithm() + ":" + hex.substring(0, Math.min(12, hex.length()));
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
