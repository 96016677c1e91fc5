package dev.containerregistry.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.containerregistry.testing.Prerequisites;
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
    return inspectRaw("--raw", ref);
  }

  /** The exact config blob bytes of the image {@code ref} (for an index, skopeo's platform). */
  public static byte[] rawConfig(String ref) throws IOException, InterruptedException {
    return inspectRaw("--config --raw", ref);
  }

  private static byte[] inspectRaw(String flags, String ref)
      throws IOException, InterruptedException {
    Prerequisites.requireTool("skopeo");
    Path out = Files.createTempFile("skopeo-inspect", ".json");
    try {
      // Into a file, so that the bytes are exactly the registry's.
      Commands.run(
          List.of(
              "sh",
              "-c",
              "skopeo inspect --tls-verify=false "
                  + flags
                  + " 'docker://"
                  + ref
                  + "' > '"
                  + out
                  + "'"));
      return Files.readAllBytes(out);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /**
   * Copies {@code ref} to {@code dir} with every blob verified by skopeo, and returns the digests
   * found there. OCI images go to an OCI layout ({@code oci:DIR}); Docker images to skopeo's {@code
   * dir:} format, because converting them into an OCI layout would rewrite their config and
   * manifest and so change the digests under test.
   */
  public static Copied copy(String ref, Path dir) throws IOException, InterruptedException {
    boolean oci = JSON.readTree(rawManifest(ref)).path("mediaType").asText().contains(".oci.");
    String destination = oci ? "oci:" + dir + ":copy" : "dir:" + dir;
    Commands.run(
        List.of("skopeo", "copy", "--src-tls-verify=false", "docker://" + ref, destination));
    byte[] manifestBytes;
    if (oci) {
      JsonNode index = JSON.readTree(dir.resolve("index.json").toFile());
      manifestBytes = blob(dir, index.path("manifests").get(0).path("digest").asText(), true);
    } else {
      manifestBytes = Files.readAllBytes(dir.resolve("manifest.json"));
    }
    return digestsOf(dir, manifestBytes, oci);
  }

  private static Copied digestsOf(Path dir, byte[] manifestBytes, boolean ociLayout)
      throws IOException {
    JsonNode manifest = JSON.readTree(manifestBytes);
    List<String> layers = new ArrayList<>();
    for (JsonNode layer : manifest.path("layers")) {
      layers.add(checkBlob(dir, layer.path("digest").asText(), ociLayout));
    }
    String config = checkBlob(dir, manifest.path("config").path("digest").asText(), ociLayout);
    return new Copied("sha256:" + sha256Hex(manifestBytes), config, layers);
  }

  /**
   * Copies the index {@code ref} with every child ({@code --all}) into skopeo's {@code dir:}
   * format, which keeps every manifest as it was served ({@code --preserve-digests} makes skopeo
   * fail rather than convert anything), verifying every blob. Returns the index's digest and each
   * child as skopeo stored it, in index order.
   */
  public static CopiedIndex copyIndex(String ref, Path dir)
      throws IOException, InterruptedException {
    Commands.run(
        List.of(
            "skopeo",
            "copy",
            "--all",
            "--preserve-digests",
            "--src-tls-verify=false",
            "docker://" + ref,
            "dir:" + dir));
    byte[] indexBytes = Files.readAllBytes(dir.resolve("manifest.json"));
    List<Copied> children = new ArrayList<>();
    for (JsonNode child : JSON.readTree(indexBytes).path("manifests")) {
      String digest = child.path("digest").asText();
      Path manifest = dir.resolve(digest.substring(digest.indexOf(':') + 1) + ".manifest.json");
      children.add(digestsOf(dir, Files.readAllBytes(manifest), false));
    }
    return new CopiedIndex("sha256:" + sha256Hex(indexBytes), children);
  }

  /** Pushes the OCI layout at {@code dir} (tag {@code tag} in it) to {@code ref}. */
  public static void pushOciLayout(Path dir, String tag, String ref)
      throws IOException, InterruptedException {
    Commands.run(
        List.of(
            "skopeo",
            "copy",
            "--dest-tls-verify=false",
            "oci:" + dir + ":" + tag,
            "docker://" + ref));
  }

  private static byte[] blob(Path dir, String digest, boolean ociLayout) throws IOException {
    String hex = digest.substring(digest.indexOf(':') + 1);
    Path path = ociLayout ? dir.resolve("blobs").resolve("sha256").resolve(hex) : dir.resolve(hex);
    return Files.readAllBytes(path);
  }

  /** Returns {@code digest} after checking that the stored blob really has it. */
  private static String checkBlob(Path dir, String digest, boolean ociLayout) throws IOException {
    String actual = "sha256:" + sha256Hex(blob(dir, digest, ociLayout));
    if (!actual.equals(digest)) {
      throw new IOException("skopeo stored blob " + digest + " with " + actual);
    }
    return digest;
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What skopeo copied into an OCI layout.
   *
   * @param manifestDigest the digest of the manifest skopeo stored
   * @param configDigest the config blob's digest
   * @param layerDigests the layer blobs' digests, in manifest order
   */
  public record Copied(String manifestDigest, String configDigest, List<String> layerDigests) {}

  /**
   * What skopeo copied of an index.
   *
   * @param indexDigest the digest of the index in the layout
   * @param children each child image, in index order
   */
  public record CopiedIndex(String indexDigest, List<Copied> children) {}
}
