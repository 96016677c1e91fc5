package dev.containerregistry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.remote.BlobEvent;
import dev.containerregistry.v1.remote.Progress;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressBarTest {

  private static final Hash DIGEST = Hash.sha256(new byte[] {1});

  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final AtomicLong nanos = new AtomicLong();
  private long tick; // added to the clock on every reading of it

  private long clock() {
    return nanos.addAndGet(tick);
  }

  private ProgressBar bar(boolean verbose) {
    return new ProgressBar(
        new PrintStream(screen, true, StandardCharsets.UTF_8), true, verbose, this::clock);
  }

  private String screen() {
    return screen.toString(StandardCharsets.UTF_8);
  }

  @Test
  void drawsBytesRateAndBlobsInPlaceAtMostTenTimesASecond() {
    ProgressBar bar = bar(false);
    nanos.set(1_000_000_000L);
    bar.onProgress(new Progress(4 << 20, 1 << 20));
    bar.onProgress(new Progress(4 << 20, 2 << 20)); // same instant: not drawn
    nanos.set(2_000_000_000L);
    bar.onBlob(new BlobEvent(DIGEST, BlobEvent.Outcome.UPLOADED, 2 << 20, 2 << 20));
    bar.finish();

    String[] draws = screen().split("\r\033\\[K", -1);
    assertEquals(4, draws.length, screen()); // before the first, two draws on events, the final
    assertTrue(draws[1].startsWith("[######..................] 1.0 MiB / 4.0 MiB"), draws[1]);
    assertTrue(draws[2].contains("2.0 MiB / 4.0 MiB  1.0 MiB/s  1 blob done"), draws[2]);
    assertTrue(
        draws[2].contains("(last: sha256:" + DIGEST.hex().substring(0, 12) + " uploaded, 2.0 MiB)"),
        draws[2]);
    assertTrue(screen().endsWith("\n"));
  }

  @Test
  void verboseAddsALinePerFinishedBlobAboveTheBar() {
    ProgressBar bar = bar(true);
    bar.onBlob(new BlobEvent(DIGEST, BlobEvent.Outcome.MOUNTED, 1536, 0));
    assertTrue(screen().contains("mounted " + DIGEST + " (1.5 KiB)\n"), screen());
  }

  @Test
  void aDownloadShowsItsOwnBytesAndCountsTowardTheTotals() throws IOException {
    tick = 200_000_000L;
    ProgressBar bar = bar(true);
    BlobMeter meter = bar.download(DIGEST, 3 << 20);
    assertSame(meter, bar.download(DIGEST, 3 << 20), "one meter per digest");
    bar.download(Hash.sha256(new byte[] {2}), 1 << 20); // known, not started

    try (InputStream in = meter.count(new ByteArrayInputStream(new byte[3 << 20]))) {
      assertEquals(1 << 20, in.readNBytes(1 << 20).length);
      assertTrue(
          lastDraw().contains("1.0 MiB / 4.0 MiB")
              && lastDraw().contains("0 blobs done  sha256:" + DIGEST.hex().substring(0, 12))
              && lastDraw().endsWith(" 1.0 MiB / 3.0 MiB"),
          lastDraw());
      in.transferTo(OutputStream.nullOutputStream());
    }
    bar.finish();

    assertTrue(screen().contains("pulled " + DIGEST + " (3.0 MiB)\n"), screen());
    assertTrue(
        lastDraw().startsWith("[" + "#".repeat(18) + "......] 3.0 MiB / 4.0 MiB"), lastDraw());
    assertTrue(lastDraw().contains("1 blob done (last: sha256:"), lastDraw());
  }

  @Test
  void aRetriedReadStartsItsBlobAgainAndAnUploadLeavesTheTotalsToTheSdk() throws IOException {
    tick = 200_000_000L;
    ProgressBar bar = bar(false);
    BlobMeter download = bar.download(DIGEST, 100);
    download.count(new ByteArrayInputStream(new byte[100])).readNBytes(60);
    try (InputStream again = download.count(new ByteArrayInputStream(new byte[100]))) {
      again.readNBytes(10);
    }
    bar.onProgress(new Progress(0, 0));
    assertTrue(lastDraw().startsWith("[##" + ".".repeat(22) + "] 10 B / 100 B"), lastDraw());

    BlobMeter upload = bar.upload("big.tar");
    upload.count(new ByteArrayInputStream(new byte[4096])).readNBytes(2048);
    assertTrue(lastDraw().contains("10 B / 100 B"), "not in the totals: " + lastDraw());
    assertTrue(lastDraw().endsWith("  big.tar 2.0 KiB"), lastDraw());
  }

  @Test
  void onAPipeOnlyTheVerboseLinesArePrinted() throws IOException {
    ProgressBar bar =
        new ProgressBar(
            new PrintStream(screen, true, StandardCharsets.UTF_8), false, true, this::clock);
    bar.download(DIGEST, 5).count(new ByteArrayInputStream(new byte[5])).readAllBytes();
    bar.onProgress(new Progress(10, 10));
    bar.finish();
    assertEquals("pulled " + DIGEST + " (5 B)\n", screen());
  }

  private String lastDraw() {
    String[] draws = screen().split("\r\033\\[K", -1);
    return draws[draws.length - 1].strip();
  }

  @Test
  void nothingDrawnMeansNothingPrinted() {
    bar(false).finish();
    assertEquals("", screen());
  }

  @ParameterizedTest
  @CsvSource({"0, 0 B", "1023, 1023 B", "1024, 1.0 KiB", "1572864, 1.5 MiB", "1073741824, 1.0 GiB"})
  void bytesAreHumanSized(long n, String text) {
    assertEquals(text, ProgressBar.bytes(n));
  }
}
