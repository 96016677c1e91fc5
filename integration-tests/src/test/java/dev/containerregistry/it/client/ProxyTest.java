package dev.containerregistry.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.it.RegistryContainer;
import dev.containerregistry.it.RegistryExtension;
import dev.containerregistry.it.support.Commands;
import dev.containerregistry.it.support.ConnectProxy;
import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.RegistryClient;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.remote.authn.Authenticator;
import dev.containerregistry.v1.remote.transport.HttpSettings;
import dev.containerregistry.v1.remote.transport.Proxies;
import dev.containerregistry.v1.remote.transport.RetryPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.images.builder.Transferable;

/**
 * A push and a read through an authenticating {@code CONNECT} proxy to an https registry:2 whose
 * certificate is trusted only through a Docker-style {@code certs.d/<host:port>/ca.crt}. The
 * registry's host name resolves nowhere but inside the proxy.
 */
class ProxyTest {

  private static final String HOST = "registry.test";

  @BeforeAll
  static void docker() {
    RegistryExtension.requireDocker();
  }

  @Test
  void pushesThroughTheProxyWhichNeverSeesTheRegistryCredentials(@TempDir Path dir)
      throws Exception {
    assertThrows(UnknownHostException.class, () -> InetAddress.getAllByName(HOST));
    Path key = dir.resolve("key.pem");
    Path cert = dir.resolve("cert.pem");
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
            "/CN=" + HOST,
            "-addext",
            "subjectAltName=DNS:" + HOST,
            "-keyout",
            key.toString(),
            "-out",
            cert.toString()));
    String htpasswd = Commands.run(List.of("htpasswd", "-Bbn", "alice", "s3cret")).strip() + "\n";
    try (RegistryContainer registry =
            RegistryContainer.start(
                Map.of(
                    "REGISTRY_AUTH", "htpasswd",
                    "REGISTRY_AUTH_HTPASSWD_REALM", "test-realm",
                    "REGISTRY_AUTH_HTPASSWD_PATH", "/auth/htpasswd",
                    "REGISTRY_HTTP_TLS_CERTIFICATE", "/certs/cert.pem",
                    "REGISTRY_HTTP_TLS_KEY", "/certs/key.pem"),
                Map.of(
                    "/auth/htpasswd", Transferable.of(htpasswd),
                    "/certs/cert.pem", Transferable.of(Files.readString(cert)),
                    "/certs/key.pem", Transferable.of(Files.readString(key))),
                true);
        ConnectProxy proxy = new ConnectProxy("puser", "ppass")) {
      String hostPort = HOST + ":" + registry.container().getMappedPort(5000);
      Path certsD = dir.resolve("certs.d");
      Files.createDirectories(certsD.resolve(hostPort));
      Files.copy(cert, certsD.resolve(hostPort).resolve("ca.crt"));
      String proxyUrl = proxy.address().replace("http://", "http://puser:ppass@");
      HttpSettings http =
          HttpSettings.builder()
              .proxy(Proxies.fromEnvironment(Map.of("HTTPS_PROXY", proxyUrl)))
              .certificatesDirectory(certsD)
              .build();
      RemoteOptions options =
          RemoteOptions.builder()
              .auth(Authenticator.basic("alice", "s3cret"))
              .retry(RetryPolicy.none())
              .build();
      Image image = Randoms.image(4096, 2);
      Reference ref = Reference.parse(hostPort + "/proxied/app:v1");
      try (RegistryClient client = RegistryClient.builder().options(options).http(http).build()) {
        client.write(ref, image);
        assertEquals(image.digest(), client.head(ref).digest());
      }

      assertFalse(proxy.tunnels().isEmpty());
      assertTrue(
          proxy.tunnels().stream().allMatch(l -> l.equals("CONNECT " + hostPort + " HTTP/1.1")),
          proxy.tunnels().toString());
      String seen = proxy.received();
      assertTrue(seen.contains("Proxy-Authorization: Basic " + base64("puser:ppass")));
      assertFalse(seen.contains(base64("alice:s3cret")), "registry credentials reached the proxy");
      assertFalse(seen.contains("s3cret"));
      assertFalse(seen.contains("/v2/"), "the proxy saw a registry request in the clear");
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
