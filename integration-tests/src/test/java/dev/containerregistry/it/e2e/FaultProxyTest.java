package dev.containerregistry.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.it.support.TarStreams;
import dev.containerregistry.name.Reference;
import dev.containerregistry.testing.Fault;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.testing.TestRegistry;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.remote.UploadMode;
import dev.containerregistry.v1.stream.StreamLayer;
import dev.containerregistry.v1.validate.Validate;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The kit's fault proxy between the client and registry:2 drops the connection once in the middle
 * of a streamed layer's upload: the resumable (chunked) mode asks the registry where the upload
 * stands and finishes the push; the single-PATCH mode fails clearly and leaves no tag behind. A
 * registry answering 503 with {@code Retry-After} is retried until it recovers.
 */
@RegistryTest
class FaultProxyTest {
  private static final int LAYER_BYTES = 12 << 20;
  private static final int CUT_AFTER = 5 << 20;

  @Test
  void chunkedUploadResumesAfterTheConnectionIsCutMidLayer(TestRegistry registry) throws Exception {
    Reference viaProxy = registry.proxiedReference("fault/chunked:1");
    Image image = streamedImage();
    RemoteOptions chunked =
        registry.options().toBuilder().uploadMode(UploadMode.CHUNKED).chunkSize(1 << 20).build();

    registry.faultProxy().inject(Fault.cutBeforeRequestAfterBytes(CUT_AFTER));
    Remote.write(viaProxy, image, chunked);

    assertEquals(1, registry.faultProxy().strikes(), "the proxy cut a connection during the push");
    Image pulled = Remote.image(registry.reference("fault/chunked:1"), registry.options());
    assertEquals(image.digest(), pulled.digest());
    Validate.image(pulled);
  }

  @Test
  void singlePatchUploadFailsClearlyAndLeavesNoTag(TestRegistry registry) throws Exception {
    Reference viaProxy = registry.proxiedReference("fault/streaming:1");
    RemoteOptions streaming =
        registry.options().toBuilder().uploadMode(UploadMode.STREAMING).build();

    registry.faultProxy().inject(Fault.cutAfterBytes(CUT_AFTER));
    IOException e =
        assertThrows(IOException.class, () -> Remote.write(viaProxy, streamedImage(), streaming));

    assertEquals(1, registry.faultProxy().strikes());
    assertTrue(e.getMessage().contains("fault/streaming"), e.getMessage());
    registry.assertions().assertMissing(registry.reference("fault/streaming:1"));
  }

  @Test
  void answers503WithRetryAfterAreRetriedUntilTheRegistryRecovers(TestRegistry registry)
      throws Exception {
    Image image = Randoms.image(2048, 2);
    registry.faultProxy().inject(Fault.status(503, Duration.ofSeconds(1)).times(2));

    Remote.write(registry.proxiedReference("fault/busy:1"), image, registry.options());

    assertEquals(2, registry.faultProxy().strikes());
    registry.assertions().assertManifest(registry.reference("fault/busy:1"), image.digest());
    registry.assertions().assertTags(registry.repository("fault/busy"), "1");
    registry.assertions().assertLayerCount(registry.reference("fault/busy:1"), 2);
  }

  private static Image streamedImage() {
    return Mutate.appendLayers(
        Empty.image(),
        StreamLayer.builder(TarStreams.of(LAYER_BYTES, 5)).compressionLevel(0).build());
  }
}
