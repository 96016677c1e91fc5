package dev.containerregistry.v1.remote.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The waits between attempts, shared by the retrying transport and chunked uploads. */
class RetryPolicyTest {

  private static final RetryPolicy NO_JITTER =
      new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(250), 0);

  @ParameterizedTest(name = "after attempt {0}: {1}")
  @CsvSource({"1, PT0.1S", "2, PT0.2S", "3, PT0.25S", "4, PT0.25S"})
  void doublesTheBackoffUpToTheCap(int attempt, String expected) {
    assertEquals(Duration.parse(expected), NO_JITTER.delay(attempt));
  }

  @Test
  void addsAtMostTheJitterFraction() {
    RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10), 0.5);
    for (int i = 0; i < 100; i++) {
      Duration wait = policy.delay(1);
      assertTrue(
          wait.compareTo(Duration.ofSeconds(1)) >= 0
              && wait.compareTo(Duration.ofMillis(1500)) <= 0,
          wait.toString());
    }
  }

  @ParameterizedTest(name = "Retry-After \"{0}\": {1}")
  @CsvSource({"7, PT7S", "0, PT0S", "soon, PT0.1S", "'', PT0.1S"})
  void takesTheRetryAfterOfTheAnswerWhenReadable(String header, String expected)
      throws IOException {
    assertEquals(
        Duration.parse(expected),
        NO_JITTER.delay(1, answer(Map.of("Retry-After", List.of(header)))));
  }

  @Test
  void backsOffWhenTheAnswerHasNoRetryAfter() throws IOException {
    assertEquals(Duration.ofMillis(200), NO_JITTER.delay(2, answer(Map.of())));
  }

  @Test
  void refusesARetryAfterLongerThanTheMaximum() {
    IOException e =
        assertThrows(
            IOException.class,
            () -> NO_JITTER.delay(1, answer(Map.of("Retry-After", List.of("301")))));
    assertEquals(
        "PATCH http://localhost:5000/v2/app/blobs/uploads/1?…: the registry asks to retry after PT5M1S,"
            + " longer than PT5M",
        e.getMessage());
  }

  private static Response answer(Map<String, List<String>> headers) {
    Request request =
        Request.of(
            "PATCH", URI.create("http://localhost:5000/v2/app/blobs/uploads/1?_state=secret"));
    return Response.of(request, 429, Headers.of(headers), new byte[0]);
  }
}
