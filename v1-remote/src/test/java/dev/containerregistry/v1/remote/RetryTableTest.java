package dev.containerregistry.v1.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.partial.StaticLayer;
import dev.containerregistry.v1.remote.authn.Authenticator;
import dev.containerregistry.v1.remote.transport.HttpSettings;
import dev.containerregistry.v1.remote.transport.LocalServer;
import dev.containerregistry.v1.remote.transport.RetryPolicy;
import dev.containerregistry.v1.remote.transport.TransportException;
import dev.containerregistry.v1.remote.transport.TransportException.Step;
import dev.containerregistry.v1.stream.StreamLayer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The retry table: each kind of failure, at each place that retries, is tried the policy's number
 * of attempts when the policy retries it and once otherwise, never more (retry layers do not
 * multiply), and ends the push with a {@link TransportException} naming the registry, the
 * repository and the step.
 */
class RetryTableTest {

  private static final int ATTEMPTS = 3;
  private static final Duration CLIENT_READ_TIMEOUT = Duration.ofMillis(300);

  @AutoClose private final UploadRegistry registry = new UploadRegistry();

  /** Where a failure happens, and so which layer retries it. */
  enum Place {
    /** {@code POST} to open a session: a replayable request, retried by the transport. */
    TRANSPORT(UploadMode.STREAMING, Step.START_UPLOAD, "POST", "/blobs/uploads/"),
    /** A streamed {@code PATCH} of a layer that can be read again: the blob is restarted. */
    BLOB_RESTART(UploadMode.STREAMING, Step.SEND_DATA, "PATCH", "/blobs/uploads/"),
    /** A {@code CHUNKED} {@code PATCH}: the chunk is resumed from the registry's offset. */
    CHUNK_RESUME(UploadMode.CHUNKED, Step.SEND_DATA, "PATCH", "/blobs/uploads/"),
    /** The token server, asked on the push's first request, inside its retry layer. */
    TOKEN(UploadMode.STREAMING, Step.TOKEN, "GET", "/token");

    final UploadMode mode;
    final Step step;
    final String method;
    final String path;

    Place(UploadMode mode, Step step, String method, String path) {
      this.mode = mode;
      this.step = step;
      this.method = method;
      this.path = path;
    }

    boolean matches(LocalServer.Recorded request) {
      return request.method().equals(method) && request.uri().getPath().contains(path);
    }
  }

  /** A failure the server produces, and whether the default policy retries it. */
  enum Failure {
    STATUS_408(408, "", true),
    STATUS_429(429, "", true),
    STATUS_500(500, "", true),
    STATUS_502(502, "", true),
    STATUS_503(503, "", true),
    STATUS_504(504, "", true),
    STATUS_400(400, "", false),
    STATUS_403_DENIED(403, "DENIED", false),
    STATUS_405(405, "", false),
    CODE_UNAVAILABLE(400, "UNAVAILABLE", true),
    CODE_TOOMANYREQUESTS(400, "TOOMANYREQUESTS", true),
    CODE_BLOB_UPLOAD_INVALID(400, "BLOB_UPLOAD_INVALID", false),
    DROPPED_CONNECTION(0, "", true),
    READ_TIMEOUT(-1, "", true);

    final int status;
    final String code;
    final boolean retried;

    Failure(int status, String code, boolean retried) {
      this.status = status;
      this.code = code;
      this.retried = retried;
    }

    void answer(HttpExchange exchange) throws IOException {
      if (status == 0) {
        throw new IOException("dropping the connection without an answer");
      }
      if (status < 0) {
        stall();
        return;
      }
      String body = code.isEmpty() ? "" : "{\"errors\":[{\"code\":\"" + code + "\"}]}";
      LocalServer.respond(exchange, status, body);
    }

    private static void stall() {
      try {
        Thread.sleep(CLIENT_READ_TIMEOUT.multipliedBy(10).toMillis());
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static Stream<Arguments> table() {
    List<Arguments> rows = new ArrayList<>();
    for (Place place : Place.values()) {
      for (Failure failure : Failure.values()) {
        rows.add(Arguments.of(place, failure));
      }
    }
    return rows.stream();
  }

  private RegistryClient client(UploadMode mode, Duration backoff) {
    return RegistryClient.builder()
        .options(
            RemoteOptions.builder()
                .smallBlobLimit(0)
                .auth(Authenticator.anonymous())
                .uploadMode(mode)
                .chunkSize(1024)
                .retry(new RetryPolicy(ATTEMPTS, backoff, backoff, 0))
                .build())
        .http(HttpSettings.builder().readTimeout(CLIENT_READ_TIMEOUT).build())
        .build();
  }

  private static Layer readableAgain() {
    byte[] blob = new byte[4096];
    new Random(7).nextBytes(blob);
    return StaticLayer.of(blob, MediaType.OCI_LAYER);
  }

  @ParameterizedTest(name = "{1} at {0}")
  @MethodSource("table")
  void eachFailureIsTriedAsOftenAsThePolicySaysAtEachPlaceOnce(Place place, Failure failure) {
    registry.requireToken = place == Place.TOKEN;
    registry.fault =
        new UploadRegistry.Fault() {
          @Override
          public boolean matches(LocalServer.Recorded request) {
            return place.matches(request);
          }

          @Override
          public void answer(HttpExchange exchange) throws IOException {
            failure.answer(exchange);
          }
        };
    Repository repo = registry.repo("app");

    TransportException e;
    try (RegistryClient client = client(place.mode, Duration.ofMillis(1))) {
      e = assertThrows(TransportException.class, () -> client.writeLayer(repo, readableAgain()));
    }

    assertEquals(failure.retried ? ATTEMPTS : 1, registry.faultHits(), e.toString());
    assertEquals(place.step, e.step(), e.toString());
    assertEquals(registry.server.authority(), e.registry(), e.toString());
    assertEquals("app", e.repository(), e.toString());
    assertEquals(Math.max(failure.status, 0), e.status(), e.toString());
    if (!failure.code.isEmpty()) {
      assertTrue(e.errors().stream().anyMatch(c -> c.code().equals(failure.code)), e.toString());
    }
  }

  @Test
  void aStreamLayerIsNeverRestarted() {
    registry.fault =
        new UploadRegistry.Fault() {
          @Override
          public boolean matches(LocalServer.Recorded request) {
            return request.method().equals("PATCH");
          }

          @Override
          public void answer(HttpExchange exchange) throws IOException {
            LocalServer.respond(exchange, 503, "");
          }
        };
    StreamLayer layer = StreamLayer.of(new ByteArrayInputStream(new byte[4096]));
    try (RegistryClient client = client(UploadMode.STREAMING, Duration.ofMillis(1))) {
      TransportException e =
          assertThrows(
              TransportException.class, () -> client.writeLayer(registry.repo("app"), layer));
      assertEquals(503, e.status());
      assertEquals(Step.SEND_DATA, e.step());
    }
    assertEquals(1, registry.faultHits());
  }

  @Test
  void aRefusedConnectionOrAnUnknownHostFailsAtOnceWithoutWaitingToRetry() {
    Repository closed = registry.repo("app");
    registry.close();
    Repository unknown = Repository.parse("registry.does-not-resolve.test:5000/app");
    // A retry would wait 30 s first; failing well within 10 s shows none was made.
    try (RegistryClient client = client(UploadMode.STREAMING, Duration.ofSeconds(30))) {
      assertTimeoutPreemptively(
          Duration.ofSeconds(10),
          () -> {
            IOException refused = assertThrows(IOException.class, () -> client.list(closed));
            assertTrue(causedBy(refused, ConnectException.class), refused.toString());
            assertTrue(refused instanceof TransportException, refused.toString());
            IOException unresolved = assertThrows(IOException.class, () -> client.list(unknown));
            assertTrue(causedBy(unresolved, UnknownHostException.class), unresolved.toString());
            assertTrue(unresolved instanceof TransportException, unresolved.toString());
          });
    }
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (kind.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
