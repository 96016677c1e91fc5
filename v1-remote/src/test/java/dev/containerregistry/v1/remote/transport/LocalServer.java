package dev.containerregistry.v1.remote.transport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A local HTTP server on 127.0.0.1 for fault cases a real registry cannot be made to produce. Each
 * test gives it one handler; every request is recorded (headers and body) before the handler runs.
 */
public final class LocalServer implements AutoCloseable {

  /** Answers one exchange; the request body has already been read into {@link Recorded#body()}. */
  @FunctionalInterface
  public interface Handler {
    void handle(HttpExchange exchange, Recorded request) throws IOException;
  }

  /**
   * One request as the server saw it.
   *
   * @param method the HTTP method
   * @param uri the request URI (path and query)
   * @param headers the header fields, names as received
   * @param body the body bytes
   */
  public record Recorded(String method, URI uri, Map<String, List<String>> headers, byte[] body) {

    /** The first value of {@code name}, case-insensitive, or {@code null}. */
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    /** The body as UTF-8 text. */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final HttpServer server;
  private final String scheme;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private volatile Handler handler = (exchange, request) -> respond(exchange, 404, "");

  /**
   * A running server on a free loopback port, for a test field marked {@code @AutoClose}, which
   * stops it after each test.
   */
  public static LocalServer start() {
    try {
      return new LocalServer(
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), "http");
    } catch (IOException e) {
      throw new UncheckedIOException("starting a local test server", e);
    }
  }

  /** As {@link #start()}, speaking TLS with the key material of {@code tls}. */
  public static LocalServer startTls(SSLContext tls) {
    try {
      HttpsServer server =
          HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(tls));
      return new LocalServer(server, "https");
    } catch (IOException e) {
      throw new UncheckedIOException("starting a local TLS test server", e);
    }
  }

  private LocalServer(HttpServer server, String scheme) {
    this.server = server;
    this.scheme = scheme;
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Recorded recorded =
                new Recorded(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body);
            requests.add(recorded);
            handler.handle(exchange, recorded);
          } catch (IOException | RuntimeException e) {
            exchange.close();
          }
        });
    server.setExecutor(executor);
    server.start();
  }

  /** Replaces the handler. */
  public LocalServer handle(Handler newHandler) {
    this.handler = newHandler;
    return this;
  }

  /** {@code http://127.0.0.1:<port>} ({@code https://} for a TLS server). */
  public URI base() {
    return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
  }

  /** {@code 127.0.0.1:<port>}. */
  public String authority() {
    return base().getAuthority();
  }

  /** Every request received so far, in order. */
  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /** The requests whose path starts with {@code prefix}. */
  public List<Recorded> requests(String method, String pathPrefix) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.uri().getPath().startsWith(pathPrefix))
        .toList();
  }

  /** Sends {@code status} with a UTF-8 text body (none when empty). */
  public static void respond(HttpExchange exchange, int status, String body) throws IOException {
    respond(exchange, status, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends {@code status} with {@code body}; a HEAD or an empty body gets no content. */
  public static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean noBody = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
