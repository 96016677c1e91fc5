package dev.containerregistry.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.containerregistry.it.support.Skopeo;
import dev.containerregistry.it.support.TarStreams;
import dev.containerregistry.name.Reference;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.validate.Validate;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The other direction: an OCI layout written by hand (no SDK code), pushed by skopeo, is pulled and
 * validated by the SDK with the digests the layout was written with.
 */
@RegistryTest
class SkopeoPushedImageTest {

  @Test
  void imagePushedBySkopeoIsPulledAndValidatedWithTheSameDigests(
      RegistryContainer registry, @TempDir Path layout) throws Exception {
    byte[] tar = TarStreams.small(200_000, 9);
    byte[] layer = gzip(tar);
    byte[] config =
        ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/hello\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + Hash.sha256(tar)
                + "\"]}}")
            .getBytes(StandardCharsets.UTF_8);
    byte[] manifest =
        ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
                + "\"digest\":\""
                + Hash.sha256(config)
                + "\",\"size\":"
                + config.length
                + "},"
                + "\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\","
                + "\"digest\":\""
                + Hash.sha256(layer)
                + "\",\"size\":"
                + layer.length
                + "}]}")
            .getBytes(StandardCharsets.UTF_8);
    writeLayout(layout, manifest, config, layer);
    Reference ref = Reference.parse(registry.ref("from/skopeo:v1"));

    Skopeo.pushOciLayout(layout, "v1", ref.toString());
    Image pulled = Remote.image(ref, RemoteOptions.defaults());

    Validate.image(pulled);
    assertEquals(Hash.sha256(manifest), pulled.digest());
    assertEquals(Hash.sha256(config), pulled.configName());
    List<Layer> layers = pulled.layers();
    assertEquals(1, layers.size());
    assertEquals(Hash.sha256(layer), layers.get(0).digest());
    assertEquals(Hash.sha256(tar), layers.get(0).diffId());
    try (InputStream in = layers.get(0).uncompressed()) {
      assertEquals(Hash.sha256(tar), Hash.sha256(in).hash());
    }
  }

  private static void writeLayout(Path dir, byte[] manifest, byte[] config, byte[] layer)
      throws Exception {
    Path blobs = Files.createDirectories(dir.resolve("blobs").resolve("sha256"));
    for (byte[] blob : List.of(manifest, config, layer)) {
      Files.write(blobs.resolve(Hash.sha256(blob).hex()), blob);
    }
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Files.writeString(
        dir.resolve("index.json"),
        "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
            + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\""
            + Hash.sha256(manifest)
            + "\",\"size\":"
            + manifest.length
            + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"v1\"}}]}");
  }

  private static byte[] gzip(byte[] data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
