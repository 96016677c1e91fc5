package dev.containerregistry.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Asserts that skopeo, an independent client, sees exactly what the SDK pushed. */
public final class SkopeoCheck {
  private SkopeoCheck() {}

  /**
   * Reads {@code ref} with skopeo: the manifest bytes hash to the image's digest, and a full copy
   * (every blob verified by skopeo) has the image's manifest, config and layer digests.
   */
  public static void assertSkopeoSees(String ref, Image pushed) throws Exception {
    assertEquals(pushed.digest(), Hash.sha256(Skopeo.rawManifest(ref)), "manifest digest");
    Path dir = Files.createTempDirectory("skopeo-oci");
    try {
      Skopeo.Copied copied = Skopeo.copy(ref, dir);
      assertEquals(pushed.digest().toString(), copied.manifestDigest(), "copied manifest");
      assertEquals(pushed.manifest().config().digest().toString(), copied.configDigest(), "config");
      List<String> layers =
          pushed.manifest().layers().stream().map(Descriptor::digest).map(Hash::toString).toList();
      assertEquals(layers, copied.layerDigests(), "layers");
    } finally {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
