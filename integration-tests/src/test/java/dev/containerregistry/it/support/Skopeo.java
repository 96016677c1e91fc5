package dev.containerregistry.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * An independent client: skopeo reads what the SDK pushed, and pushes what the SDK reads. All
 * registries in the tests are plain HTTP on loopback, so TLS verification is off.
 */
public final class Skopeo {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Skopeo() {}

  /** The exact manifest bytes the registry serves for {@code ref}. */
  public static byte[] rawManifest(String ref) throws IOException, InterruptedException {
    Path out = Files.createTempFile("skopeo-manifest", ".json");
    try {
      // Into a file, so that the bytes are exactly the registry's.
      Commands.run(
          List.of(
              "sh", "-c",
              "skopeo inspect --tls-verify=false --raw 'docker://" + ref + "' > '" + out + "'"));
      return Files.readAllBytes(out);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /**
   * Copies {@code ref} into an OCI layout at {@code dir} (skopeo verifies every blob digest as it
   * copies) and returns the digests it found there.
   */
  public static Copied copyToOciLayout(String ref, Path dir)
      throws IOException, InterruptedException {
    Commands.run(
        List.of(
            "skopeo", "copy", "--src-tls-verify=false", "docker://" + ref, "oci:" + dir + ":copy"));
    JsonNode index = JSON.readTree(dir.resolve("index.json").toFile());
    String manifestDigest = index.path("manifests").get(0).path("digest").asText();
    JsonNode manifest = JSON.readTree(blob(dir, manifestDigest));
    List<String> layers = new ArrayList<>();
    for (JsonNode layer : manifest.path("layers")) {
      layers.add(layer.path("digest").asText());
      checkBlob(dir, layer.path("digest").asText());
    }
    String config = manifest.path("config").path("digest").asText();
    checkBlob(dir, config);
    return new Copied(manifestDigest, config, layers);
  }

  /** Pushes the OCI layout at {@code dir} (tag {@code tag} in it) to {@code ref}. */
  public static void pushOciLayout(Path dir, String tag, String ref)
      throws IOException, InterruptedException {
    Commands.run(
        List.of(
            "skopeo", "copy", "--dest-tls-verify=false", "oci:" + dir + ":" + tag,
            "docker://" + ref));
  }

  private static byte[] blob(Path dir, String digest) throws IOException {
    return Files.readAllBytes(dir.resolve("blobs").resolve("sha256").resolve(hexOf(digest)));
  }

  private static void checkBlob(Path dir, String digest) throws IOException {
    String actual;
    try {
      actual =
          HexFormat.of()
              .formatHex(MessageDigest.getInstance("SHA-256").digest(blob(dir, digest)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    if (!actual.equals(hexOf(digest))) {
      throw new IOException("skopeo stored blob " + digest + " with sha256:" + actual);
    }
  }

  private static String hexOf(String digest) {
    return digest.substring(digest.indexOf(':') + 1);
  }

  /**
   * What skopeo copied into an OCI layout.
   *
   * @param manifestDigest the digest of the manifest in the layout (differs from the registry's
   *     when skopeo converted a Docker manifest to OCI)
   * @param configDigest the config blob's digest
   * @param layerDigests the layer blobs' digests, in manifest order
   */
  public record Copied(String manifestDigest, String configDigest, List<String> layerDigests) {}
}
