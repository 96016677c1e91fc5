package dev.containerregistry.v1.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.MediaType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP server that plays a registry, or a hostile one: each path answers what a test put
 * there, byte for byte, and every request is recorded. Unknown paths answer 404 with a registry
 * error body.
 */
final class TestRegistry implements AutoCloseable {

  /** What one path answers. */
  @FunctionalInterface
  interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private TestRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::dispatch);
    server.start();
    on("/v2/", ok("application/json", "{}".getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A running registry on a free loopback port, for a test field marked {@code @AutoClose}, which
   * stops it after each test.
   */
  static TestRegistry start() {
    try {
      return new TestRegistry();
    } catch (IOException e) {
      throw new UncheckedIOException("starting a local test registry", e);
    }
  }

  /** {@code 127.0.0.1:<port>}. */
  String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** A reference on this registry, such as {@code test/app:1}. */
  Reference ref(String repoAndTag) {
    return Reference.parse(host() + "/" + repoAndTag);
  }

  /** A repository on this registry. */
  Repository repo(String path) {
    return Repository.parse(host() + "/" + path);
  }

  /** Answers {@code path} (query included, if any) with {@code handler}. */
  void on(String path, Handler handler) {
    handlers.put(path, handler);
  }

  /** Serves {@code body} as the manifest {@code repo:identifier}, with the usual headers. */
  void manifest(String repo, String identifier, MediaType type, byte[] body) {
    on("/v2/" + repo + "/manifests/" + identifier, ok(type.value(), body));
  }

  /** Serves {@code body} as blob {@code digest} of {@code repo}. */
  void blob(String repo, Hash digest, byte[] body) {
    on("/v2/" + repo + "/blobs/" + digest, ok("application/octet-stream", body));
  }

  /** Answers 200 with {@code body} (nothing for HEAD), its length and digest. */
  static Handler ok(String contentType, byte[] body) {
    return exchange -> {
      exchange.getResponseHeaders().add("Content-Type", contentType);
      exchange.getResponseHeaders().add("Docker-Content-Digest", Hash.sha256(body).toString());
      send(exchange, 200, body);
    };
  }

  /** Answers {@code status} with {@code body}, with a Content-Length (not sent for HEAD). */
  static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().add("Content-Length", String.valueOf(body.length));
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Every request so far as {@code METHOD path[?query]}. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    String full = query == null ? target : target + "?" + query;
    requests.add(exchange.getRequestMethod() + " " + full);
    exchange.getRequestBody().readAllBytes();
    Handler handler = handlers.getOrDefault(full, handlers.get(target));
    if (handler == null) {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      send(
          exchange,
          404,
          "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"not here\"}]}"
              .getBytes(StandardCharsets.UTF_8));
      return;
    }
    handler.handle(exchange);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
