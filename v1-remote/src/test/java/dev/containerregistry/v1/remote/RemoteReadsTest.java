package dev.containerregistry.v1.remote;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.name.Digest;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.Platform;
import dev.containerregistry.v1.remote.authn.Authenticator;
import dev.containerregistry.v1.remote.transport.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The read operations through the whole transport chain: redirects, pings, listing, deletion. */
class RemoteReadsTest {

  private static final TestImage IMAGE = TestImage.of("chain test", Platform.of("linux", "amd64"));
  private static final RemoteOptions OPTIONS =
      RemoteOptions.builder().auth(Authenticator.anonymous()).retry(RetryPolicy.none()).build();

  @AutoClose private final TestRegistry registry = TestRegistry.start();
  @AutoClose private final TestRegistry storage = TestRegistry.start();

  @Test
  void followsABlobRedirectToStorageAndStillVerifies() throws IOException {
    IMAGE.serve(registry, "test/app", "1");
    storage.on("/bucket/layer", TestRegistry.ok("application/octet-stream", IMAGE.layer()));
    registry.on(
        "/v2/test/app/blobs/" + IMAGE.layerDigest(),
        redirectTo("http://" + storage.host() + "/bucket/layer"));
    Layer layer = Remote.image(registry.ref("test/app:1"), OPTIONS).layers().get(0);
    try (InputStream in = layer.uncompressed()) {
      assertArrayEquals(IMAGE.tar(), in.readAllBytes());
    }
    assertEquals(1, storage.requests().size());
  }

  @Test
  void refusesARedirectLoop() throws IOException {
    IMAGE.serve(registry, "test/app", "1");
    String blobPath = "/v2/test/app/blobs/" + IMAGE.layerDigest();
    registry.on(blobPath, redirectTo(blobPath));
    Layer layer = Remote.image(registry.ref("test/app:1"), OPTIONS).layers().get(0);
    IOException e = assertThrows(IOException.class, layer::compressed);
    assertTrue(e.getMessage().contains("redirects"), e.getMessage());
  }

  @Test
  void streamsABlobByDigestAndRefusesOtherContent() throws IOException {
    IMAGE.serve(registry, "test/app", "1");
    Digest ref = (Digest) registry.ref("test/app@" + IMAGE.layerDigest());
    try (InputStream in = Remote.blob(ref, OPTIONS)) {
      assertArrayEquals(IMAGE.layer(), in.readAllBytes());
    }
    registry.on(
        "/v2/test/app/blobs/" + IMAGE.layerDigest(),
        TestRegistry.ok("application/octet-stream", "not the layer".getBytes(UTF_8)));
    try (InputStream in = Remote.blob(ref, OPTIONS)) {
      assertThrows(VerificationException.class, in::readAllBytes);
    }
  }

  @Test
  void deletesAManifest() throws IOException {
    registry.on(
        "/v2/test/app/manifests/" + IMAGE.digest(),
        exchange -> TestRegistry.send(exchange, 202, new byte[0]));
    Remote.delete(registry.ref("test/app@" + IMAGE.digest()), OPTIONS);
    assertTrue(registry.requests().contains("DELETE /v2/test/app/manifests/" + IMAGE.digest()));
  }

  private static TestRegistry.Handler redirectTo(String location) {
    return exchange -> {
      exchange.getResponseHeaders().add("Location", location);
      TestRegistry.send(exchange, 307, new byte[0]);
    };
  }
}
