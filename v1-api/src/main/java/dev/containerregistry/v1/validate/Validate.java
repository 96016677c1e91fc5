package dev.containerregistry.v1.validate;

import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.IndexManifest;
import dev.containerregistry.v1.IoSupplier;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.RootFs;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Re-reads an image or index completely and checks that everything agrees: each layer's digest,
 * size and DiffID against its bytes, the manifest and config against their raw bytes and against
 * each other. Every mismatch is collected into one {@link ValidationException}. Reads every layer
 * in full, so it costs what a download costs.
 */
public final class Validate {

  private Validate() {}

  /**
   * Checks {@code image}.
   *
   * @throws ValidationException listing every problem found
   */
  public static void image(Image image) throws ValidationException {
    Problems problems = new Problems();
    problems.attempt("manifest", () -> manifest(image, problems));
    problems.attempt("config", () -> config(image, problems));
    problems.attempt("layers", () -> layers(image, problems));
    problems.throwIfAny("image " + name(image::digest));
  }

  /**
   * Checks {@code index} and, recursively, every image and index it lists.
   *
   * @throws ValidationException listing every problem found
   */
  public static void index(ImageIndex index) throws ValidationException {
    Problems problems = new Problems();
    problems.attempt("index manifest", () -> indexManifest(index, problems));
    problems.attempt("children", () -> children(index, problems));
    problems.throwIfAny("index " + name(index::digest));
  }

  private static void manifest(Image image, Problems problems) throws IOException {
    byte[] raw = image.rawManifest();
    Manifest manifest = image.manifest();
    problems.same(
        "manifest digest: digest() vs sha256(rawManifest())", image.digest(), Hash.sha256(raw));
    problems.same(
        "manifest size: size() vs length of rawManifest()", image.size(), (long) raw.length);
    problems.same(
        "manifest content: manifest() vs parse(rawManifest())", manifest, Manifest.parse(raw));
    if (manifest.mediaType().isPresent()) {
      problems.same(
          "manifest media type: mediaType() vs manifest",
          image.mediaType(),
          manifest.mediaType().get());
    }
  }

  private static void config(Image image, Problems problems) throws IOException {
    byte[] raw = image.rawConfigFile();
    Hash actual = Hash.sha256(raw);
    Descriptor declared = image.manifest().config();
    problems.same(
        "config digest: configName() vs sha256(rawConfigFile())", image.configName(), actual);
    problems.same(
        "config digest: manifest config.digest vs sha256(rawConfigFile())",
        declared.digest(),
        actual);
    problems.same(
        "config size: manifest config.size vs length of rawConfigFile()",
        declared.size(),
        (long) raw.length);
    if (declared.mediaType().isConfig()) {
      ConfigFile config = image.configFile();
      problems.same(
          "config content: configFile() vs parse(rawConfigFile())", config, ConfigFile.parse(raw));
      problems.same("config rootfs.type", RootFs.LAYERS, config.rootFs().type());
    }
  }

  private static void layers(Image image, Problems problems) throws IOException {
    List<Descriptor> declared = image.manifest().layers();
    List<Layer> layers = image.layers();
    problems.same("layer count: manifest layers vs layers()", declared.size(), layers.size());
    boolean imageConfig = image.manifest().config().mediaType().isConfig();
    List<Hash> diffIds = imageConfig ? image.configFile().rootFs().diffIds() : List.of();
    if (imageConfig) {
      problems.same(
          "layer count: manifest layers vs config rootfs.diff_ids",
          declared.size(),
          diffIds.size());
    }
    for (int i = 0; i < Math.min(declared.size(), layers.size()); i++) {
      Descriptor descriptor = declared.get(i);
      Layer layer = layers.get(i);
      Hash diffId = i < diffIds.size() ? diffIds.get(i) : null;
      String at = "layer[" + i + "] ";
      problems.attempt(
          at + descriptor.digest(), () -> layer(image, descriptor, layer, diffId, problems, at));
    }
  }

  private static void layer(
      Image image,
      Descriptor declared,
      Layer layer,
      @Nullable Hash configDiffId,
      Problems problems,
      String at)
      throws IOException {
    LayerReading read = LayerReading.of(layer);
    problems.same(at + "digest: digest() vs sha256(compressed())", layer.digest(), read.digest());
    problems.same(
        at + "digest: manifest vs sha256(compressed())", declared.digest(), read.digest());
    problems.same(at + "size: size() vs length of compressed()", layer.size(), read.size());
    problems.same(at + "size: manifest vs length of compressed()", declared.size(), read.size());
    problems.same(
        at + "media type: manifest vs mediaType()", declared.mediaType(), layer.mediaType());
    if (declared.mediaType().isLayer()) {
      problems.same(
          at + "diffID: diffId() vs sha256(decompress(compressed()))",
          layer.diffId(),
          read.decompressedDiffId());
      problems.same(
          at + "diffID: diffId() vs sha256(uncompressed())",
          layer.diffId(),
          read.uncompressedDiffId());
      if (configDiffId != null) {
        problems.same(
            at + "diffID: config rootfs.diff_ids vs sha256(decompress(compressed()))",
            configDiffId,
            read.decompressedDiffId());
        problems.same(
            at + "layerByDiffId(diffID).digest()",
            declared.digest(),
            image.layerByDiffId(configDiffId).digest());
      }
    }
    problems.same(
        at + "layerByDigest(digest).digest()",
        declared.digest(),
        image.layerByDigest(declared.digest()).digest());
  }

  private static void indexManifest(ImageIndex index, Problems problems) throws IOException {
    byte[] raw = index.rawManifest();
    IndexManifest manifest = index.indexManifest();
    problems.same(
        "index digest: digest() vs sha256(rawManifest())", index.digest(), Hash.sha256(raw));
    problems.same("index size: size() vs length of rawManifest()", index.size(), (long) raw.length);
    problems.same(
        "index content: indexManifest() vs parse(rawManifest())",
        manifest,
        IndexManifest.parse(raw));
    if (manifest.mediaType().isPresent()) {
      problems.same(
          "index media type: mediaType() vs index", index.mediaType(), manifest.mediaType().get());
    }
  }

  private static void children(ImageIndex index, Problems problems) throws IOException {
    List<Descriptor> children = index.indexManifest().manifests();
    for (int i = 0; i < children.size(); i++) {
      Descriptor child = children.get(i);
      String at = "manifests[" + i + "] " + child.digest();
      if (child.mediaType().isImage()) {
        problems.attempt(at, () -> child(child, index.image(child.digest()), problems, at));
      } else if (child.mediaType().isIndex()) {
        problems.attempt(at, () -> child(child, index.imageIndex(child.digest()), problems, at));
      }
    }
  }

  private static void child(Descriptor declared, Image image, Problems problems, String at)
      throws IOException {
    problems.same(at + " digest: descriptor vs digest()", declared.digest(), image.digest());
    problems.same(at + " size: descriptor vs size()", declared.size(), image.size());
    mediaType(declared, image.manifest().mediaType(), problems, at);
    image(image);
  }

  private static void child(Descriptor declared, ImageIndex index, Problems problems, String at)
      throws IOException {
    problems.same(at + " digest: descriptor vs digest()", declared.digest(), index.digest());
    problems.same(at + " size: descriptor vs size()", declared.size(), index.size());
    mediaType(declared, index.indexManifest().mediaType(), problems, at);
    index(index);
  }

  /** A child that names its own media type must agree with its descriptor. */
  private static void mediaType(
      Descriptor declared, Optional<MediaType> own, Problems problems, String at) {
    if (own.isPresent()) {
      problems.same(at + " media type: descriptor vs document", declared.mediaType(), own.get());
    }
  }

  /** The digest to name the image or index by in the exception, or why it has none. */
  private static String name(IoSupplier<Hash> source) {
    try {
      return source.get().toString();
    } catch (IOException | RuntimeException e) {
      return "(digest not available: " + e.getMessage() + ")";
    }
  }
}
