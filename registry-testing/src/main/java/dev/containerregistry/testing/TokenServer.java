package dev.containerregistry.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The token service of a registry in {@link Auth#TOKEN} mode, on loopback in the test JVM: it
 * checks basic credentials and issues RS256 JWTs for the requested scopes, cut down to the actions
 * each user is granted. The registry trusts the signing certificate as its root bundle; each token
 * carries it in the {@code x5c} header.
 */
final class TokenServer implements AutoCloseable {
  /** The {@code service} (token audience) the registry expects. */
  static final String SERVICE = "test-registry";

  /** The issuer the registry trusts. */
  static final String ISSUER = "test-token-issuer";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LIFETIME_SECONDS = 300;

  private final HttpServer server;
  private final Map<String, RegistryUser> users;
  private final KeyAndCertificate signer = Certificates.selfSigned(ISSUER, false);
  private final AtomicInteger issued = new AtomicInteger();

  /** Starts serving {@code /token} on an ephemeral loopback port. */
  TokenServer(List<RegistryUser> users) throws IOException {
    Map<String, RegistryUser> byName = new LinkedHashMap<>();
    users.forEach(u -> byName.put(u.name(), u));
    this.users = Map.copyOf(byName);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/token", this::handle);
    server.start();
  }

  /** The realm URL the registry sends clients to. */
  String realm() {
    return "http://localhost:" + server.getAddress().getPort() + "/token";
  }

  /** The PEM certificate the registry must trust. */
  String certificatePem() {
    return signer.certificatePem();
  }

  /** The signing key's certificate, whose public key verifies every token. */
  X509Certificate certificate() {
    return signer.certificate();
  }

  /** How many tokens were issued so far. */
  int tokensIssued() {
    return issued.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      RegistryUser user = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
      if (user == null) {
        byte[] body =
            "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad credentials\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(401, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      List<Map<String, Object>> access = new ArrayList<>();
      for (String scope : queryValues(exchange.getRequestURI().getRawQuery(), "scope")) {
        access.add(grant(scope, user));
      }
      String token = token(user.name(), access);
      issued.incrementAndGet();
      byte[] body =
          JSON.writeValueAsBytes(
              Map.of("token", token, "access_token", token, "expires_in", LIFETIME_SECONDS));
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private @Nullable RegistryUser authenticate(@Nullable String authorization) {
    if (authorization == null || !authorization.startsWith("Basic ")) {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).strip()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return null;
    }
    RegistryUser user = users.get(decoded.substring(0, colon));
    return user != null && user.password().equals(decoded.substring(colon + 1)) ? user : null;
  }

  /** {@code type:name:actions} with only the actions {@code user} may have. */
  private static Map<String, Object> grant(String scope, RegistryUser user) {
    int first = scope.indexOf(':');
    int last = scope.lastIndexOf(':');
    Map<String, Object> entry = new LinkedHashMap<>();
    if (first < 0 || last == first) {
      entry.put("type", scope);
      entry.put("name", "");
      entry.put("actions", List.of());
      return entry;
    }
    List<String> actions = new ArrayList<>();
    for (String action : scope.substring(last + 1).split(",", -1)) {
      if (user.may(action)) {
        actions.add(action);
      }
    }
    entry.put("type", scope.substring(0, first));
    entry.put("name", scope.substring(first + 1, last));
    entry.put("actions", actions);
    return entry;
  }

  private String token(String subject, List<Map<String, Object>> access) {
    long now = System.currentTimeMillis() / 1000;
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "RS256");
    header.put("typ", "JWT");
    try {
      header.put("x5c", List.of(Base64.getEncoder().encodeToString(certificate().getEncoded())));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encoding the signing certificate", e);
    }
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("sub", subject);
    claims.put("aud", SERVICE);
    claims.put("exp", now + LIFETIME_SECONDS);
    claims.put("nbf", now - 10);
    claims.put("iat", now);
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("access", access);
    return Jwt.rs256(header, claims, signer.keys().getPrivate());
  }

  private static List<String> queryValues(@Nullable String rawQuery, String name) {
    List<String> values = new ArrayList<>();
    if (rawQuery == null) {
      return values;
    }
    for (String pair : rawQuery.split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
        values.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
