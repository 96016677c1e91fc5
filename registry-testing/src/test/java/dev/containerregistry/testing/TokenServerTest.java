package dev.containerregistry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TokenServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void tokensAreRs256JwtsThatTheCertificatesKeyVerifiesWithOnlyTheUsersActions() throws Exception {
    try (TokenServer server =
        new TokenServer(
            List.of(RegistryUser.pusher("bob", "bob-pw"), RegistryUser.puller("carol", "c-pw")))) {
      String[] parts =
          token(server, "carol", "c-pw", "repository:team/app:pull,push").split("\\.", -1);
      assertEquals(3, parts.length);

      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(server.certificate().getPublicKey());
      rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])), "signature verifies");

      JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
      assertEquals("RS256", header.path("alg").asText());
      X509Certificate inHeader =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(
                          Base64.getDecoder().decode(header.path("x5c").get(0).asText())));
      assertEquals(server.certificate(), inHeader);
      assertTrue(server.certificatePem().startsWith("-----BEGIN CERTIFICATE-----\n"));

      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      assertEquals(TokenServer.ISSUER, claims.path("iss").asText());
      assertEquals(TokenServer.SERVICE, claims.path("aud").asText());
      assertEquals("carol", claims.path("sub").asText());
      JsonNode access = claims.path("access").get(0);
      assertEquals("repository", access.path("type").asText());
      assertEquals("team/app", access.path("name").asText());
      assertEquals("[\"pull\"]", access.path("actions").toString(), "push is not granted");

      String pusher = token(server, "bob", "bob-pw", "repository:team/app:pull,push");
      JsonNode granted = JSON.readTree(Base64.getUrlDecoder().decode(pusher.split("\\.", -1)[1]));
      assertEquals("[\"pull\",\"push\"]", granted.path("access").get(0).path("actions").toString());
      assertEquals(2, server.tokensIssued());
    }
  }

  @Test
  void wrongOrMissingCredentialsGet401AndNoToken() throws Exception {
    try (TokenServer server = new TokenServer(List.of(RegistryUser.pusher("bob", "pw")))) {
      assertEquals(401, status(server, "Basic " + basic("bob", "wrong")));
      assertEquals(401, status(server, "Basic " + basic("eve", "pw")));
      assertEquals(401, status(server, "Basic not-base64!"));
      assertEquals(401, status(server, null));
      assertEquals(0, server.tokensIssued());
      assertFalse(server.realm().contains("127.0.0.1"), "the realm names localhost");
    }
  }

  private String token(TokenServer server, String user, String password, String scope)
      throws Exception {
    URI uri =
        URI.create(
            server.realm()
                + "?service="
                + TokenServer.SERVICE
                + "&scope="
                + URLEncoder.encode(scope, StandardCharsets.UTF_8));
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + basic(user, password))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    return JSON.readTree(response.body()).path("token").asText();
  }

  private int status(TokenServer server, @Nullable String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.realm()));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String basic(String user, String password) {
    return Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
