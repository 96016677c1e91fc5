package dev.containerregistry.v1.remote.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryTransportTest {

  private static final RetryPolicy POLICY =
      new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(250), 0);

  @AutoClose private final LocalServer server = LocalServer.start();
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final AtomicInteger calls = new AtomicInteger();

  private Transport retrying() {
    return new RetryTransport(Transports.http(), POLICY, sleeper, TransportListener.NONE);
  }

  private URI uri() {
    return URI.create(server.base() + "/v2/foo/manifests/latest");
  }

  private void failFirst(int failures, int status, String retryAfter, String body) {
    server.handle(
        (exchange, request) -> {
          if (calls.incrementAndGet() <= failures) {
            if (retryAfter != null) {
              exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            LocalServer.respond(exchange, status, body);
          } else {
            LocalServer.respond(exchange, 200, "ok");
          }
        });
  }

  @Test
  void honoursRetryAfterOnA429() throws IOException {
    failFirst(1, 429, "7", "");

    try (Response response = retrying().send(Request.get(uri()))) {
      assertEquals(200, response.status());
    }
    assertEquals(List.of(Duration.ofSeconds(7)), sleeper.waits());
  }

  @Test
  void retriesA503ThenSucceeds() throws IOException {
    failFirst(1, 503, null, "");

    try (Response response = retrying().send(Request.get(uri()))) {
      assertEquals(200, response.status());
    }
    assertEquals(2, calls.get());
    assertEquals(List.of(Duration.ofMillis(100)), sleeper.waits());
  }

  @ParameterizedTest(name = "status {0}")
  @ValueSource(ints = {408, 429, 500, 502, 503, 504})
  void backsOffExponentiallyUpToTheCapThenReturnsTheLastAnswer(int status) throws IOException {
    failFirst(10, status, null, "");

    try (Response response = retrying().send(Request.get(uri()))) {
      assertEquals(status, response.status());
    }
    assertEquals(4, calls.get());
    assertEquals(
        List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250)),
        sleeper.waits());
  }

  @ParameterizedTest(name = "status {0}")
  @ValueSource(ints = {400, 401, 403, 404, 501})
  void doesNotRetryPermanentFailures(int status) throws IOException {
    failFirst(10, status, null, "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"no\"}]}");

    try (Response response = retrying().send(Request.get(uri()))) {
      assertEquals(status, response.status());
      if (status != 401 && status != 404) {
        assertEquals(
            "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"no\"}]}",
            new String(response.bytes(1000), StandardCharsets.UTF_8));
      }
    }
    assertEquals(1, calls.get());
  }

  @Test
  void retriesAnErrorCodeThatMeansTryAgain() throws IOException {
    failFirst(
        1, 400, null, "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"slow down\"}]}");

    try (Response response = retrying().send(Request.get(uri()))) {
      assertEquals(200, response.status());
    }
    assertEquals(2, calls.get());
  }

  @Test
  void neverResendsAStreamedBody() throws IOException {
    failFirst(10, 503, null, "");
    RequestBody body =
        RequestBody.ofStream(
            new ByteArrayInputStream(new byte[100]), 100, "application/octet-stream");

    try (Response response = retrying().send(Request.of("PATCH", uri()).withBody(body))) {
      assertEquals(503, response.status());
    }
    assertEquals(1, calls.get());
    assertEquals(List.of(), sleeper.waits());
  }

  @Test
  void resendsBytesBodiesWhole() throws IOException {
    failFirst(2, 502, null, "");
    RequestBody body =
        RequestBody.of("manifest".getBytes(StandardCharsets.UTF_8), "application/json");

    try (Response response = retrying().send(Request.of("PUT", uri()).withBody(body))) {
      assertEquals(200, response.status());
    }
    assertEquals(
        List.of("manifest", "manifest", "manifest"),
        server.requests().stream().map(LocalServer.Recorded::text).toList());
  }

  @Test
  void failsAtOnceWhenNothingListens() throws IOException {
    URI closed = uri();
    server.close();

    TransportException e =
        assertThrows(TransportException.class, () -> retrying().send(Request.get(closed)));
    assertTrue(e.getCause() instanceof ConnectException, e.toString());
    assertEquals(0, e.status());
    assertEquals(List.of(), sleeper.waits(), "a refused connection is not retried");
    assertTrue(e.getMessage().contains(closed.getAuthority()), e.getMessage());
  }

  @Test
  void refusesARetryAfterLongerThanTheMaximum() {
    failFirst(1, 429, "3600", "");

    IOException e = assertThrows(IOException.class, () -> retrying().send(Request.get(uri())));
    assertEquals(
        "GET " + uri() + ": the registry asks to retry after PT1H, longer than PT5M",
        e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"0, PT0S", "12, PT12S", "-3, PT0S", "'Wed, 21 Oct 2015 07:28:00 GMT', PT0S"})
  void readsRetryAfterAsSecondsOrAPastDate(String header, String expected) {
    assertEquals(Duration.parse(expected), RetryAfter.parse(header).orElseThrow());
  }

  @Test
  void ignoresAnUnreadableRetryAfter() {
    assertEquals(java.util.Optional.empty(), RetryAfter.parse("soon"));
  }
}
