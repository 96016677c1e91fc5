package dev.containerregistry.it.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small token service for a registry configured with {@code auth: token}: it checks basic
 * credentials and issues RS256 JWTs carrying the requested scopes, cut down to the actions each
 * user is allowed. The signing certificate is generated with openssl and handed to the registry as
 * its root bundle; the JWT header carries it in {@code x5c}.
 */
public final class TokenServer implements AutoCloseable {
  /** The {@code service} the registry expects in tokens' audience. */
  public static final String SERVICE = "test-registry";

  /** The issuer the registry trusts. */
  public static final String ISSUER = "test-token-issuer";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private final HttpServer server;
  private final Map<String, User> users;
  private final String certificatePem;
  private final byte[] certificateDer;
  private final PrivateKey key;
  private final AtomicInteger issued = new AtomicInteger();

  /**
   * A user and the actions ({@code pull}, {@code push}, {@code delete}, {@code *}) it may get on
   * any repository.
   */
  public record User(String password, Set<String> actions) {}

  /** Generates a key pair and certificate in {@code workDir} and starts serving on loopback. */
  public TokenServer(Map<String, User> users, Path workDir) throws Exception {
    this.users = Map.copyOf(users);
    Path keyFile = workDir.resolve("token-key.pem");
    Path certFile = workDir.resolve("token-cert.pem");
    Commands.run(
        List.of(
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=" + ISSUER,
            "-keyout",
            keyFile.toString(),
            "-out",
            certFile.toString()));
    this.certificatePem = Files.readString(certFile);
    this.certificateDer = pemBody(certificatePem);
    this.key =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(pemBody(Files.readString(keyFile))));
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/token", this::handle);
    server.start();
  }

  /** The realm URL the registry sends clients to. */
  public String realm() {
    return "http://localhost:" + server.getAddress().getPort() + "/token";
  }

  /** The PEM certificate the registry must trust. */
  public String certificatePem() {
    return certificatePem;
  }

  /** How many tokens were issued so far. */
  public int tokensIssued() {
    return issued.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String user = authenticatedUser(exchange.getRequestHeaders().getFirst("Authorization"));
      if (user == null) {
        byte[] body =
            "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad credentials\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(401, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      List<Map<String, Object>> access = new ArrayList<>();
      for (String scope : queryValues(exchange.getRequestURI().getRawQuery(), "scope")) {
        access.add(grant(scope, users.get(user).actions()));
      }
      String token = jwt(user, access);
      issued.incrementAndGet();
      byte[] body =
          JSON.writeValueAsBytes(Map.of("token", token, "access_token", token, "expires_in", 300));
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    } catch (Exception e) {
      throw new IOException("token server failed", e);
    }
  }

  private String authenticatedUser(String authorization) {
    if (authorization == null || !authorization.startsWith("Basic ")) {
      return null;
    }
    String decoded =
        new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return null;
    }
    User user = users.get(decoded.substring(0, colon));
    return user != null && user.password().equals(decoded.substring(colon + 1))
        ? decoded.substring(0, colon)
        : null;
  }

  private static Map<String, Object> grant(String scope, Set<String> allowed) {
    String[] parts = scope.split(":", -1);
    List<String> actions = new ArrayList<>();
    for (String action : parts[parts.length - 1].split(",", -1)) {
      if (allowed.contains(action) || allowed.contains("*")) {
        actions.add(action);
      }
    }
    String name = String.join(":", List.of(parts).subList(1, parts.length - 1));
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("type", parts[0]);
    entry.put("name", name);
    entry.put("actions", actions);
    return entry;
  }

  private String jwt(String subject, List<Map<String, Object>> access) throws Exception {
    long now = System.currentTimeMillis() / 1000;
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "RS256");
    header.put("typ", "JWT");
    header.put("x5c", List.of(Base64.getEncoder().encodeToString(certificateDer)));
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("sub", subject);
    claims.put("aud", SERVICE);
    claims.put("exp", now + 300);
    claims.put("nbf", now - 10);
    claims.put("iat", now);
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("access", access);
    String signingInput =
        B64URL.encodeToString(JSON.writeValueAsBytes(header))
            + "."
            + B64URL.encodeToString(JSON.writeValueAsBytes(claims));
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(key);
    signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + B64URL.encodeToString(signature.sign());
  }

  private static List<String> queryValues(String rawQuery, String name) {
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

  private static byte[] pemBody(String pem) {
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(base64);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
