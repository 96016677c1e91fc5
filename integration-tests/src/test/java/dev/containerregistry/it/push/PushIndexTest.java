package dev.containerregistry.it.push;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.containerregistry.it.support.SkopeoCheck;
import dev.containerregistry.name.Reference;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.IndexManifest;
import dev.containerregistry.v1.Platform;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.mutate.IndexAddendum;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An index of two platform images pushed to registry:2: children by digest, then the index. */
@RegistryTest
class PushIndexTest {

  @Test
  void pushesAnIndexOfTwoPlatformImages(RegistryContainer registry) throws Exception {
    Image amd64 = Randoms.image(50_000, 2);
    Image arm64 = Randoms.image(60_000, 3);
    ImageIndex index =
        Mutate.appendManifests(
            Empty.index(),
            IndexAddendum.builder(amd64).platform(Platform.of("linux", "amd64")).build(),
            IndexAddendum.builder(arm64).platform(Platform.of("linux", "arm64")).build());
    Reference ref = Reference.parse(registry.ref("multi/arch:v1"));
    Recorder recorder = new Recorder();

    Remote.writeIndex(ref, index, RemoteOptions.builder().progress(recorder).build());

    RegistryHttp http = new RegistryHttp(registry);
    String repo = ref.context().repositoryStr();
    byte[] stored = http.manifest(repo, "v1");
    assertArrayEquals(index.rawManifest(), stored);
    List<Descriptor> children = IndexManifest.parse(stored).manifests();
    assertEquals(
        List.of("linux/amd64", "linux/arm64"),
        children.stream().map(d -> d.platform().orElseThrow().toString()).toList());
    for (Image image : List.of(amd64, arm64)) {
      assertArrayEquals(image.rawManifest(), http.manifest(repo, image.digest().toString()));
      assertArrayEquals(image.rawConfigFile(), http.blob(repo, image.configName()));
      for (Descriptor layer : image.manifest().layers()) {
        assertEquals(layer.size(), http.blob(repo, layer.digest()).length);
      }
    }
    assertEquals(2 + 1 + 3 + 1, recorder.events.size());
    assertEquals(recorder.last().total(), recorder.last().complete());
    SkopeoCheck.assertSkopeoSees(ref.toString(), index);
  }
}
