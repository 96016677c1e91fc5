package dev.containerregistry.v1.mutate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Platform;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.validate.Validate;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexMutationTest {

  @Test
  void appendsImagesWithTheirPlatformAndNestedIndexes() throws IOException {
    Image arm = Randoms.image(10, 1);
    Image linuxArm =
        Mutate.configFile(
            arm, arm.configFile().toBuilder().os("linux").architecture("arm64").build());
    Image plain = Randoms.image(10, 1);
    ImageIndex nested = Randoms.index(10, 1, 1);

    ImageIndex index =
        Mutate.appendManifests(
            Empty.index(),
            IndexAddendum.of(linuxArm),
            IndexAddendum.builder(plain)
                .platform(Platform.parse("linux/amd64"))
                .annotations(Map.of("k", "v"))
                .build(),
            IndexAddendum.of(nested));

    List<Descriptor> manifests = index.indexManifest().manifests();
    assertEquals(3, manifests.size());
    assertEquals(Platform.parse("linux/arm64"), manifests.get(0).platform().orElseThrow());
    assertEquals(linuxArm.digest(), manifests.get(0).digest());
    assertEquals(Platform.parse("linux/amd64"), manifests.get(1).platform().orElseThrow());
    assertEquals(Map.of("k", "v"), manifests.get(1).annotations());
    assertEquals(MediaType.OCI_IMAGE_INDEX, manifests.get(2).mediaType());
    assertSame(plain, index.image(plain.digest()));
    assertSame(nested, index.imageIndex(nested.digest()));
    Validate.index(index);
  }

  @Test
  void removesMatchingManifestsAndLeavesTheBaseAlone() throws IOException {
    ImageIndex base = Randoms.index(10, 1, 3);
    byte[] before = base.rawManifest();
    Descriptor second = base.indexManifest().manifests().get(1);

    ImageIndex index = Mutate.removeManifests(base, d -> d.digest().equals(second.digest()));

    assertEquals(2, index.indexManifest().manifests().size());
    assertEquals(false, index.indexManifest().manifests().contains(second));
    assertArrayEquals(before, base.rawManifest());
    Validate.index(index);
  }

  @Test
  void annotatesAndRetypesAnIndex() throws IOException {
    ImageIndex index =
        Mutate.mediaType(
            Mutate.annotations(
                Randoms.index(10, 1, 1), Map.of("org.opencontainers.image.ref.name", "v1")),
            MediaType.DOCKER_MANIFEST_LIST);

    assertEquals(MediaType.DOCKER_MANIFEST_LIST, index.mediaType());
    assertEquals(
        Map.of("org.opencontainers.image.ref.name", "v1"), index.indexManifest().annotations());
    Validate.index(index);
  }

  @Test
  void anIndexMediaTypeOfAnotherKindIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Mutate.mediaType(Empty.index(), MediaType.OCI_MANIFEST));
  }

  @Test
  void aNullIndexAddendumIsRefusedByPosition() {
    NullPointerException e =
        assertThrows(
            NullPointerException.class,
            () -> Mutate.appendManifests(Empty.index(), IndexAddendum.of(Empty.image()), null));

    assertEquals("appending to an index: addendum 2 of 2 is null", e.getMessage());
  }
}
