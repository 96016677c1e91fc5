package dev.containerregistry.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** Asserts that skopeo, an independent client, sees exactly what the SDK pushed. */
public final class SkopeoCheck {
  private SkopeoCheck() {}

  /**
   * Reads the index {@code ref} with skopeo: its bytes hash to the index's digest, and a copy of it
   * with every child holds each child's manifest, config and layers under their digests.
   */
  public static void assertSkopeoSees(String ref, ImageIndex pushed) throws Exception {
    assertEquals(pushed.digest(), Hash.sha256(Skopeo.rawManifest(ref)), "index digest");
    Path dir = Files.createTempDirectory("skopeo-oci");
    try {
      Skopeo.CopiedIndex copied = Skopeo.copyIndex(ref, dir);
      assertEquals(pushed.digest().toString(), copied.indexDigest(), "copied index");
      List<Descriptor> children = pushed.indexManifest().manifests();
      assertEquals(children.size(), copied.children().size(), "children");
      for (int i = 0; i < children.size(); i++) {
        assertSame(pushed.image(children.get(i).digest()), copied.children().get(i));
      }
    } finally {
      delete(dir);
    }
  }

  /**
   * Reads {@code ref} with skopeo: the manifest bytes hash to the image's digest, and a full copy
   * (every blob verified by skopeo) has the image's manifest, config and layer digests.
   */
  public static void assertSkopeoSees(String ref, Image pushed) throws Exception {
    assertEquals(pushed.digest(), Hash.sha256(Skopeo.rawManifest(ref)), "manifest digest");
    Path dir = Files.createTempDirectory("skopeo-oci");
    try {
      assertSame(pushed, Skopeo.copy(ref, dir));
    } finally {
      delete(dir);
    }
  }

  private static void assertSame(Image pushed, Skopeo.Copied copied) throws Exception {
    assertEquals(pushed.digest().toString(), copied.manifestDigest(), "copied manifest");
    assertEquals(pushed.manifest().config().digest().toString(), copied.configDigest(), "config");
    List<String> layers =
        pushed.manifest().layers().stream().map(Descriptor::digest).map(Hash::toString).toList();
    assertEquals(layers, copied.layerDigests(), "layers");
  }

  private static void delete(Path dir) throws Exception {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
