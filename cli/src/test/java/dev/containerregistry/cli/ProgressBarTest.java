package dev.containerregistry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.remote.BlobEvent;
import dev.containerregistry.v1.remote.Progress;
import java.io.ByteArrayOutputStream;
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

  private ProgressBar bar(boolean verbose) {
    return new ProgressBar(
        new PrintStream(screen, true, StandardCharsets.UTF_8), verbose, nanos::get);
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
    assertTrue(draws[2].contains("(last: sha256:" + DIGEST.hex().substring(0, 12) + " uploaded)"));
    assertTrue(screen().endsWith("\n"));
  }

  @Test
  void verboseAddsALinePerFinishedBlobAboveTheBar() {
    ProgressBar bar = bar(true);
    bar.onBlob(new BlobEvent(DIGEST, BlobEvent.Outcome.MOUNTED, 1536, 0));
    assertTrue(screen().contains("mounted " + DIGEST + " (1.5 KiB)\n"), screen());
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
