package dev.containerregistry.it.pull;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.name.Reference;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Platform;
import dev.containerregistry.v1.remote.BlobEvent;
import dev.containerregistry.v1.remote.Progress;
import dev.containerregistry.v1.remote.ProgressListener;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.remote.transport.ErrorCode;
import dev.containerregistry.v1.remote.transport.TransportException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

@RegistryTest
class PullCopyTest {

  private static final Platform AMD64 = Platform.of("linux", "amd64");
  private static final Platform ARM64 = Platform.of("linux", "arm64").withVariant("v8");

  @Test
  void copiesAnImageToAnotherRepositoryByMountingItsLayers(RegistryContainer registry)
      throws Exception {
    RawPush push = new RawPush(registry);
    RawPush.Pushed source = push.image("pull/copy-src", "v1", AMD64, 3, 20);
    RecordingListener listener = new RecordingListener();

    Remote.copy(
        Reference.parse(registry.ref("pull/copy-src:v1")),
        Reference.parse(registry.ref("pull/copy-dst:v1")),
        RemoteOptions.builder().progress(listener).build());

    FetchedBytes copied = FetchedBytes.of(registry.ref("pull/copy-dst:v1"));
    assertArrayEquals(source.manifest(), copied.manifest());
    for (byte[] layer : source.layers()) {
      Hash digest = Hash.sha256(layer);
      assertEquals(200, push.status("/v2/pull/copy-dst/blobs/" + digest));
      assertEquals(BlobEvent.Outcome.MOUNTED, listener.outcomes.get(digest), digest.toString());
    }
    assertEquals(200, push.status("/v2/pull/copy-dst/blobs/" + Hash.sha256(source.config())));
    assertTrue(
        listener.bytesTransferred() <= source.config().length,
        "only the config may have been sent, not layers: "
            + listener.bytesTransferred()
            + " bytes");
  }

  @Test
  void copiesAnIndexWithBothChildren(RegistryContainer registry) throws Exception {
    RawPush push = new RawPush(registry);
    RawPush.Pushed amd = push.image("pull/copy-index-src", "amd64", AMD64, 2, 21);
    RawPush.Pushed arm = push.image("pull/copy-index-src", "arm64", ARM64, 2, 22);
    byte[] index =
        push.index("pull/copy-index-src", "v1", List.of(amd, arm), List.of(AMD64, ARM64));

    Remote.copy(
        Reference.parse(registry.ref("pull/copy-index-src:v1")),
        Reference.parse(registry.ref("pull/copy-index-dst:v1")),
        RemoteOptions.defaults());

    assertArrayEquals(index, FetchedBytes.of(registry.ref("pull/copy-index-dst:v1")).manifest());
    for (RawPush.Pushed child : List.of(amd, arm)) {
      assertArrayEquals(
          child.manifest(),
          FetchedBytes.of(registry.ref("pull/copy-index-dst@" + child.digest())).manifest());
      for (byte[] layer : child.layers()) {
        assertEquals(200, push.status("/v2/pull/copy-index-dst/blobs/" + Hash.sha256(layer)));
      }
    }
    RemoteOptions arm64 = RemoteOptions.builder().platform(Platform.parse("linux/arm64")).build();
    assertEquals(
        arm.digest(),
        Remote.image(Reference.parse(registry.ref("pull/copy-index-dst:v1")), arm64).digest());
  }

  @Test
  void writesNothingWhenAChildOfTheSourceIndexIsGone(RegistryContainer registry) throws Exception {
    RawPush push = new RawPush(registry);
    RawPush.Pushed amd = push.image("pull/copy-bad-src", "amd64", AMD64, 1, 23);
    RawPush.Pushed arm = push.image("pull/copy-bad-src", "arm64", ARM64, 1, 24);
    push.index("pull/copy-bad-src", "v1", List.of(amd, arm), List.of(AMD64, ARM64));
    Remote.delete(
        Reference.parse(registry.ref("pull/copy-bad-src@" + arm.digest())),
        RemoteOptions.defaults());

    Reference source = Reference.parse(registry.ref("pull/copy-bad-src:v1"));
    Reference destination = Reference.parse(registry.ref("pull/copy-bad-dst:v1"));
    TransportException e =
        assertThrows(
            TransportException.class,
            () -> Remote.copy(source, destination, RemoteOptions.defaults()));
    assertTrue(e.hasCode(ErrorCode.MANIFEST_UNKNOWN), e.getMessage());

    assertEquals(404, push.status("/v2/pull/copy-bad-dst/manifests/v1"));
    assertEquals(404, push.status("/v2/pull/copy-bad-dst/manifests/" + amd.digest()));
    assertEquals(
        404, push.status("/v2/pull/copy-bad-dst/blobs/" + Hash.sha256(amd.layers().get(0))));
  }

  /** The manifest bytes a registry serves, read through the SDK. */
  private record FetchedBytes(byte[] manifest) {
    static FetchedBytes of(String ref) throws Exception {
      return new FetchedBytes(Remote.get(Reference.parse(ref), RemoteOptions.defaults()).bytes());
    }
  }

  /** Keeps the outcome of every blob and the bytes sent. */
  private static final class RecordingListener implements ProgressListener {
    final Map<Hash, BlobEvent.Outcome> outcomes = new ConcurrentHashMap<>();
    final Map<Hash, Long> sent = new ConcurrentHashMap<>();

    @Override
    public void onProgress(Progress progress) {}

    @Override
    public void onBlob(BlobEvent event) {
      outcomes.put(event.digest(), event.outcome());
      sent.put(event.digest(), event.bytesTransferred());
    }

    long bytesTransferred() {
      return sent.values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
