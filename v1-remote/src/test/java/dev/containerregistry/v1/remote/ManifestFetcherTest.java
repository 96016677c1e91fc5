package dev.containerregistry.v1.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Platform;
import dev.containerregistry.v1.remote.transport.ErrorCode;
import dev.containerregistry.v1.remote.transport.TransportException;
import dev.containerregistry.v1.remote.transport.Transports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestFetcherTest {

  private static final TestImage IMAGE =
      TestImage.of("manifest test", Platform.of("linux", "amd64"));

  @AutoClose private final TestRegistry registry = TestRegistry.start();
  private final ManifestFetcher fetcher = new ManifestFetcher(Transports.http(), 1024);

  @Test
  void getsTheExactBytesWithTheirDescriptorAndAcceptsEveryManifestType() throws IOException {
    IMAGE.serve(registry, "test/app", "1");
    FetchedManifest fetched = fetcher.get(registry.ref("test/app:1"));
    assertArrayEquals(IMAGE.manifest(), fetched.bytes());
    assertEquals(
        Descriptor.of(MediaType.OCI_MANIFEST, IMAGE.manifest().length, IMAGE.digest()),
        fetched.descriptor());
    assertEquals(registry.ref("test/app:1"), fetched.reference());
    assertEquals(1, registry.requests().size());
  }

  @Test
  void sendsAnAcceptHeaderNamingEveryManifestType() {
    for (MediaType type :
        new MediaType[] {
          MediaType.OCI_MANIFEST, MediaType.OCI_IMAGE_INDEX,
          MediaType.DOCKER_MANIFEST_SCHEMA2, MediaType.DOCKER_MANIFEST_LIST
        }) {
      assertTrue(ManifestFetcher.ACCEPT.contains(type.value()), type.value());
    }
  }

  @Test
  void getsByDigestWhenTheBytesHashToIt() throws IOException {
    IMAGE.serve(registry, "test/app", "1");
    FetchedManifest fetched = fetcher.get(registry.ref("test/app@" + IMAGE.digest()));
    assertEquals(IMAGE.digest(), fetched.digest());
  }

  @Test
  void refusesAManifestThatDoesNotHashToTheRequestedDigest() {
    Hash claimed = Hash.sha256("something else".getBytes(StandardCharsets.UTF_8));
    registry.manifest("test/app", claimed.toString(), MediaType.OCI_MANIFEST, IMAGE.manifest());
    Reference ref = registry.ref("test/app@" + claimed);
    VerificationException e = assertThrows(VerificationException.class, () -> fetcher.get(ref));
    assertEquals(
        "manifest " + ref + " has sha256 " + IMAGE.digest() + ", not the requested " + claimed,
        e.getMessage());
  }

  @Test
  void refusesAManifestOverTheSizeCap() {
    byte[] huge = new byte[1025];
    Arrays.fill(huge, (byte) ' ');
    registry.manifest("test/app", "big", MediaType.OCI_MANIFEST, huge);
    IOException e =
        assertThrows(IOException.class, () -> fetcher.get(registry.ref("test/app:big")));
    assertTrue(e.getMessage().contains("over the limit of 1024"), e.getMessage());
  }

  @Test
  void refusesAManifestOverTheSizeCapWithoutContentLength() {
    registry.on(
        "/v2/test/app/manifests/big",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", MediaType.OCI_MANIFEST.value());
          exchange.sendResponseHeaders(200, 0);
          try (var out = exchange.getResponseBody()) {
            out.write(new byte[4096]);
          }
        });
    IOException e =
        assertThrows(IOException.class, () -> fetcher.get(registry.ref("test/app:big")));
    assertTrue(e.getMessage().contains("longer than the limit of 1024"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "application/vnd.docker.distribution.manifest.v1+prettyjws",
        "application/vnd.docker.distribution.manifest.v1+json",
        "application/json"
      })
  void refusesSchema1WithAClearMessage(String contentType) {
    byte[] schema1 =
        "{\"schemaVersion\":1,\"name\":\"test/app\",\"tag\":\"old\",\"fsLayers\":[]}"
            .getBytes(StandardCharsets.UTF_8);
    registry.on("/v2/test/app/manifests/old", TestRegistry.ok(contentType, schema1));
    IOException e =
        assertThrows(IOException.class, () -> fetcher.get(registry.ref("test/app:old")));
    assertTrue(e.getMessage().contains("is a Docker schema 1 manifest"), e.getMessage());
    assertTrue(e.getMessage().contains("does not read"), e.getMessage());
  }

  @ParameterizedTest(name = "Content-Type \"{0}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          application/vnd.oci.image.manifest.v1+json; charset=utf-8 | application/vnd.oci.image.manifest.v1+json
          application/json                                           | application/vnd.oci.image.manifest.v1+json
          text/plain                                                 | application/vnd.oci.image.manifest.v1+json
          """)
  void findsTheMediaTypeWhenTheContentTypeIsVagueOrHasParameters(
      String contentType, String expected) throws IOException {
    registry.on("/v2/test/app/manifests/1", TestRegistry.ok(contentType, IMAGE.manifest()));
    assertEquals(MediaType.of(expected), fetcher.get(registry.ref("test/app:1")).mediaType());
  }

  @Test
  void reportsTheRegistryErrorCodeOfAMissingManifest() {
    TransportException e =
        assertThrows(TransportException.class, () -> fetcher.get(registry.ref("test/app:none")));
    assertEquals(404, e.status());
    assertTrue(e.hasCode(ErrorCode.NAME_UNKNOWN), e.getMessage());
  }

  @Test
  void headReadsTheDescriptorFromTheHeaders() throws IOException {
    IMAGE.serve(registry, "test/app", "1");
    Descriptor descriptor = fetcher.head(registry.ref("test/app:1"));
    assertEquals(
        Descriptor.of(MediaType.OCI_MANIFEST, IMAGE.manifest().length, IMAGE.digest()), descriptor);
    assertEquals(1, registry.requests().size());
    assertTrue(registry.requests().get(0).startsWith("HEAD "), registry.requests().toString());
  }

  @Test
  void headFallsBackToGetWhenTheRegistrySendsNoDigest() throws IOException {
    registry.on(
        "/v2/test/app/manifests/1",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", MediaType.OCI_MANIFEST.value());
          TestRegistry.send(exchange, 200, IMAGE.manifest());
        });
    Descriptor descriptor = fetcher.head(registry.ref("test/app:1"));
    assertEquals(IMAGE.digest(), descriptor.digest());
    assertEquals(2, registry.requests().size());
  }

  @Test
  void headRefusesADigestOtherThanTheOneAskedFor() {
    Hash claimed = Hash.sha256("something else".getBytes(StandardCharsets.UTF_8));
    registry.manifest("test/app", claimed.toString(), MediaType.OCI_MANIFEST, IMAGE.manifest());
    assertThrows(
        VerificationException.class, () -> fetcher.head(registry.ref("test/app@" + claimed)));
  }
}
