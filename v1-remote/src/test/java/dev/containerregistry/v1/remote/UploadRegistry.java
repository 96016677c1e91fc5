package dev.containerregistry.v1.remote;

import com.sun.net.httpserver.HttpExchange;
import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.remote.transport.LocalServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The blob-upload half of the distribution API over a {@link LocalServer}, kept in memory, with
 * switches for the faults a real registry cannot be made to produce: a connection dropped in the
 * middle of a {@code PATCH}, a {@code PATCH} that stalls past the client's read timeout, a 5xx, a
 * corrupt {@code Location}, a minimum chunk length, and a bearer token that expires while a {@code
 * PATCH} is under way.
 */
final class UploadRegistry implements AutoCloseable {

  final LocalServer server;
  private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
  private final Map<String, ByteArrayOutputStream> uploads = new ConcurrentHashMap<>();
  private final Map<String, byte[]> manifests = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicInteger patchesInFlight = new AtomicInteger();
  private final AtomicInteger maxPatchesInFlight = new AtomicInteger();

  /** When positive, the next PATCH stores this many bytes, then the connection drops. */
  volatile int dropNextPatchAfter;

  /** When positive, the next PATCH stores this many bytes, then never answers. */
  volatile int stallNextPatchAfter;

  /** When set, every request but the token request needs the token this registry issued last. */
  volatile boolean requireToken;

  /** When set, the next PATCH finds the token expired and answers 401 with a fresh challenge. */
  volatile boolean expireTokenOnNextPatch;

  private final AtomicInteger tokensIssued = new AtomicInteger();
  private volatile String validToken = "";

  /** When positive, this many PATCHes answer 503 before storing anything. */
  final AtomicInteger failPatches = new AtomicInteger();

  /** When set, sent as the Retry-After of the failed PATCHes. */
  volatile String retryAfter;

  /** When set, POST answers this Location. */
  volatile String corruptLocation;

  /** When set, a POST with {@code ?digest=} and the data opens a session instead of storing it. */
  volatile boolean declineMonolithicPost;

  /** When positive, sent as OCI-Chunk-Min-Length. */
  volatile int minChunk;

  /**
   * A fault answering every request it matches, instead of the registry; the matched requests are
   * counted in {@link #faultHits()}.
   */
  interface Fault {
    /** True for the requests this fault answers. */
    boolean matches(LocalServer.Recorded request);

    /** Answers (or drops, or stalls) {@code exchange}. */
    void answer(HttpExchange exchange) throws IOException;
  }

  /** When set, answers every request it matches. */
  volatile Fault fault;

  private final AtomicInteger faultHits = new AtomicInteger();

  /** The requests {@link #fault} answered so far. */
  int faultHits() {
    return faultHits.get();
  }

  UploadRegistry() {
    server = LocalServer.start().handle(this::handle);
  }

  /** A repository on this registry. */
  Repository repo(String path) {
    return Repository.parse(server.authority() + "/" + path);
  }

  /** A tag or digest reference on this registry. */
  Reference ref(String text) {
    return Reference.parse(server.authority() + "/" + text);
  }

  boolean hasBlob(Repository repo, Hash digest) {
    return blobs.containsKey(repo.repositoryStr() + "@" + digest);
  }

  byte[] blob(Repository repo, Hash digest) {
    return blobs.get(repo.repositoryStr() + "@" + digest);
  }

  byte[] manifest(Reference ref) {
    return manifests.get(ref.context().repositoryStr() + ":" + ref.identifier());
  }

  int maxPatchesInFlight() {
    return maxPatchesInFlight.get();
  }

  int tokensIssued() {
    return tokensIssued.get();
  }

  /** Whether the request was refused for its token (and answered), when tokens are required. */
  private boolean refusedToken(HttpExchange exchange, LocalServer.Recorded request)
      throws IOException {
    if (!requireToken) {
      return false;
    }
    boolean expire = expireTokenOnNextPatch && request.method().equals("PATCH");
    if (expire) {
      expireTokenOnNextPatch = false;
      validToken = "";
    }
    if (!expire && ("Bearer " + validToken).equals(request.header("Authorization"))) {
      return false;
    }
    exchange
        .getResponseHeaders()
        .add(
            "WWW-Authenticate", "Bearer realm=\"" + server.base() + "/token\",service=\"uploads\"");
    LocalServer.respond(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\"}]}");
    return true;
  }

  private void handle(HttpExchange exchange, LocalServer.Recorded request) throws IOException {
    String path = request.uri().getPath();
    String method = request.method();
    Fault injected = fault;
    if (injected != null && injected.matches(request)) {
      faultHits.incrementAndGet();
      injected.answer(exchange);
      return;
    }
    if (path.equals("/token")) {
      validToken = "token-" + tokensIssued.incrementAndGet();
      LocalServer.respond(exchange, 200, "{\"token\":\"" + validToken + "\"}");
      return;
    }
    if (refusedToken(exchange, request)) {
      return;
    }
    if (path.equals("/v2/")) {
      LocalServer.respond(exchange, 200, "{}");
      return;
    }
    int blobsAt = path.indexOf("/blobs/");
    int manifestsAt = path.indexOf("/manifests/");
    if (manifestsAt > 0 && method.equals("PUT")) {
      String repo = path.substring("/v2/".length(), manifestsAt);
      String ref = path.substring(manifestsAt + "/manifests/".length());
      Hash digest = Hash.sha256(request.body());
      manifests.put(repo + ":" + ref, request.body());
      manifests.put(repo + ":" + digest, request.body());
      exchange.getResponseHeaders().add("Docker-Content-Digest", digest.toString());
      LocalServer.respond(exchange, 201, "");
      return;
    }
    if (blobsAt < 0) {
      LocalServer.respond(exchange, 404, "");
      return;
    }
    String repo = path.substring("/v2/".length(), blobsAt);
    String rest = path.substring(blobsAt + "/blobs/".length());
    if (rest.startsWith("uploads/")) {
      upload(exchange, request, repo, rest.substring("uploads/".length()));
    } else if (method.equals("HEAD")) {
      LocalServer.respond(exchange, blobs.containsKey(repo + "@" + rest) ? 200 : 404, "");
    } else {
      LocalServer.respond(exchange, 405, "");
    }
  }

  private void upload(HttpExchange exchange, LocalServer.Recorded request, String repo, String id)
      throws IOException {
    String query = request.uri().getQuery() == null ? "" : request.uri().getQuery();
    switch (request.method()) {
      case "POST" -> start(exchange, request, repo, query);
      case "PATCH" -> patch(exchange, request, repo, id);
      case "GET" -> status(exchange, repo, id);
      case "PUT" -> commit(exchange, request, repo, id, query);
      default -> LocalServer.respond(exchange, 405, "");
    }
  }

  private void start(HttpExchange exchange, LocalServer.Recorded request, String repo, String query)
      throws IOException {
    Map<String, String> params = params(query);
    String digest = params.get("digest");
    if (digest != null && !declineMonolithicPost) {
      if (!Hash.sha256(request.body()).toString().equals(digest)) {
        LocalServer.respond(exchange, 400, "{\"errors\":[{\"code\":\"DIGEST_INVALID\"}]}");
        return;
      }
      blobs.put(repo + "@" + digest, request.body());
      LocalServer.respond(exchange, 201, "");
      return;
    }
    if (params.containsKey("mount")
        && blobs.containsKey(params.get("from") + "@" + params.get("mount"))) {
      blobs.put(
          repo + "@" + params.get("mount"),
          blobs.get(params.get("from") + "@" + params.get("mount")));
      LocalServer.respond(exchange, 201, "");
      return;
    }
    String id = "u" + ids.incrementAndGet();
    uploads.put(id, new ByteArrayOutputStream());
    exchange
        .getResponseHeaders()
        .add(
            "Location",
            corruptLocation != null
                ? corruptLocation
                : "/v2/" + repo + "/blobs/uploads/" + id + "?_state=s");
    if (minChunk > 0) {
      exchange.getResponseHeaders().add("OCI-Chunk-Min-Length", Integer.toString(minChunk));
    }
    LocalServer.respond(exchange, 202, "");
  }

  private void patch(HttpExchange exchange, LocalServer.Recorded request, String repo, String id)
      throws IOException {
    int now = patchesInFlight.incrementAndGet();
    maxPatchesInFlight.accumulateAndGet(now, Math::max);
    try {
      ByteArrayOutputStream upload = uploads.get(id);
      String range = request.header("Content-Range");
      if (range != null
          && Long.parseLong(range.substring(0, range.indexOf('-'))) != upload.size()) {
        LocalServer.respond(exchange, 416, "");
        return;
      }
      if (failPatches.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        if (retryAfter != null) {
          exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        LocalServer.respond(exchange, 503, "");
        return;
      }
      if (dropNextPatchAfter > 0) {
        int keep = Math.min(dropNextPatchAfter, request.body().length);
        dropNextPatchAfter = 0;
        upload.write(request.body(), 0, keep);
        throw new IOException("dropping the connection after " + keep + " bytes");
      }
      if (stallNextPatchAfter > 0) {
        int keep = Math.min(stallNextPatchAfter, request.body().length);
        stallNextPatchAfter = 0;
        upload.write(request.body(), 0, keep);
        stall();
        return;
      }
      upload.write(request.body());
      uploadHeaders(exchange, repo, id, upload.size());
      LocalServer.respond(exchange, 202, "");
    } finally {
      patchesInFlight.decrementAndGet();
    }
  }

  /** Holds the connection without answering until the server stops. */
  private static void stall() throws IOException {
    try {
      Thread.sleep(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("the server stopped while a PATCH was stalled", e);
    }
  }

  private void status(HttpExchange exchange, String repo, String id) throws IOException {
    uploadHeaders(exchange, repo, id, uploads.get(id).size());
    LocalServer.respond(exchange, 204, "");
  }

  private void commit(
      HttpExchange exchange, LocalServer.Recorded request, String repo, String id, String query)
      throws IOException {
    ByteArrayOutputStream upload = uploads.remove(id);
    upload.write(request.body());
    byte[] data = upload.toByteArray();
    String digest = params(query).get("digest");
    if (!Hash.sha256(data).toString().equals(digest)) {
      LocalServer.respond(
          exchange,
          400,
          "{\"errors\":[{\"code\":\"DIGEST_INVALID\",\"message\":\"digest did not match content\"}]}");
      return;
    }
    blobs.put(repo + "@" + digest, Arrays.copyOf(data, data.length));
    LocalServer.respond(exchange, 201, "");
  }

  private static void uploadHeaders(HttpExchange exchange, String repo, String id, int size) {
    exchange
        .getResponseHeaders()
        .add("Location", "/v2/" + repo + "/blobs/uploads/" + id + "?_state=s" + size);
    exchange.getResponseHeaders().add("Range", "0-" + Math.max(0, size - 1));
  }

  private static Map<String, String> params(String query) {
    Map<String, String> params = new ConcurrentHashMap<>();
    for (String pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return params;
  }

  @Override
  public void close() {
    server.close();
  }
}
