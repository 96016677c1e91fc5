package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.Config;
import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.NotComputedException;
import dev.containerregistry.v1.compression.LayerCompression;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Changes to images and indexes. Every method returns a new image or index and leaves its input
 * unchanged. Results are lazy: appending reads no layer; the manifest, config, digest and size are
 * computed when first asked for, once (safely among threads), and kept. If that computation fails,
 * for example because an appended {@code StreamLayer} has not been consumed yet ({@code
 * NotComputedException}), nothing is kept and the next call tries again.
 *
 * <p>Bad input is refused when the method is called, before anything is computed.
 */
public final class Mutate {

  private Mutate() {}

  /**
   * {@code base} with {@code adds} appended: their layers after the base's, their history entries
   * after the base's (blank entries first if the base's history lists fewer layers than it has),
   * their DiffIDs after the base's in {@code rootfs}; the rest of the config is kept. With no
   * addendum, {@code base} itself is returned.
   *
   * @throws NullPointerException naming the addendum that is null
   */
  public static Image append(Image base, Addendum... adds) {
    Objects.requireNonNull(base, "base image");
    Objects.requireNonNull(adds, "addenda");
    requireElements(adds, "appending to an image: addendum");
    return adds.length == 0 ? base : new MutatedImage(base, ImageEdit.append(List.of(adds)));
  }

  /**
   * {@code base} with {@code layers} appended, each with an empty history entry; see {@link
   * #append}.
   *
   * @throws NullPointerException naming the layer that is null
   */
  public static Image appendLayers(Image base, Layer... layers) {
    Objects.requireNonNull(layers, "layers");
    requireElements(layers, "appending layers to an image: layer");
    return append(base, Arrays.stream(layers).map(Addendum::of).toArray(Addendum[]::new));
  }

  /** {@code base} with the {@code config} section of its config file replaced. */
  public static Image config(Image base, Config config) throws IOException {
    Objects.requireNonNull(base, "base image");
    Objects.requireNonNull(config, "config");
    ConfigFile file = configFileOf(base, "replacing the config section");
    return new MutatedImage(base, ImageEdit.configFile(file.toBuilder().config(config).build()));
  }

  /**
   * {@code base} with the {@code config} section of its config file edited: {@code edit} receives a
   * builder holding the current section and returns the builder of the new one, so the fields it
   * does not set are kept.
   *
   * <pre>{@code
   * Image app = Mutate.config(base, c -> c.entrypoint(List.of("/app/run")).workingDir("/app"));
   * }</pre>
   *
   * @throws NullPointerException if {@code edit} returns null
   */
  public static Image config(Image base, UnaryOperator<Config.Builder> edit) throws IOException {
    Objects.requireNonNull(base, "base image");
    Objects.requireNonNull(edit, "config edit");
    ConfigFile file = configFileOf(base, "editing the config section");
    Config.Builder edited =
        Objects.requireNonNull(
            edit.apply(file.config().toBuilder()), "the config edit returned no builder");
    return new MutatedImage(
        base, ImageEdit.configFile(file.toBuilder().config(edited.build()).build()));
  }

  /**
   * {@code base} with its config file replaced by {@code configFile}, which must describe the same
   * layers: the same DiffIDs, and a history (if any) listing as many layers.
   *
   * @throws IllegalArgumentException when it does not, or when the base's config is not an image
   *     config (an artifact)
   */
  public static Image configFile(Image base, ConfigFile configFile) throws IOException {
    Objects.requireNonNull(base, "base image");
    Objects.requireNonNull(configFile, "config file");
    ConfigFileCheck.requireMatches(base, configFile);
    return new MutatedImage(base, ImageEdit.configFile(configFile));
  }

  /** {@code base} with the creation time in its config set to {@code created}. */
  public static Image createdAt(Image base, Instant created) throws IOException {
    Objects.requireNonNull(base, "base image");
    Objects.requireNonNull(created, "created");
    ConfigFile file = configFileOf(base, "setting the creation time");
    return new MutatedImage(base, ImageEdit.configFile(file.toBuilder().created(created).build()));
  }

  /**
   * The base's config file, which config changes read at once (as go-containerregistry does); a
   * base with unread stream layers has none yet, and the message says so and what to do.
   */
  private static ConfigFile configFileOf(Image base, String change) throws IOException {
    try {
      return base.configFile();
    } catch (NotComputedException e) {
      throw new NotComputedException(
          change
              + " needs the base image's config, which waits for its stream layers to be read;"
              + " change the config before appending stream layers: "
              + e.getMessage());
    }
  }

  /** {@code base} with {@code annotations} added to its manifest's, replacing equal keys. */
  public static Image annotations(Image base, Map<String, String> annotations) {
    Objects.requireNonNull(base, "base image");
    return new MutatedImage(base, ImageEdit.annotations(annotations));
  }

  /** {@code base} with {@code annotations} added to the index's, replacing equal keys. */
  public static ImageIndex annotations(ImageIndex base, Map<String, String> annotations) {
    Objects.requireNonNull(base, "base index");
    return new MutatedIndex(base, IndexEdit.annotations(annotations));
  }

  /**
   * {@code base} with its manifest media type set to {@code mediaType}.
   *
   * @throws IllegalArgumentException when it is malformed or names an index, layer or config
   */
  public static Image mediaType(Image base, MediaType mediaType) {
    Objects.requireNonNull(base, "base image");
    return new MutatedImage(base, ImageEdit.mediaType(MediaTypes.MANIFEST.require(mediaType)));
  }

  /**
   * {@code base} with its media type set to {@code mediaType}.
   *
   * @throws IllegalArgumentException when it is malformed or names an image, layer or config
   */
  public static ImageIndex mediaType(ImageIndex base, MediaType mediaType) {
    Objects.requireNonNull(base, "base index");
    return new MutatedIndex(base, IndexEdit.mediaType(MediaTypes.INDEX.require(mediaType)));
  }

  /**
   * {@code base} with its config descriptor's media type set to {@code mediaType}. A type that is
   * not an image config makes the image an artifact: its config bytes are then kept as they are.
   *
   * @throws IllegalArgumentException when it is malformed or names a manifest, index or layer
   */
  public static Image configMediaType(Image base, MediaType mediaType) {
    Objects.requireNonNull(base, "base image");
    return new MutatedImage(base, ImageEdit.configMediaType(MediaTypes.CONFIG.require(mediaType)));
  }

  /**
   * {@code image} with every time set to {@code time}: the modification (and any PAX access and
   * change) time of every entry of every layer, the time of every history entry (whose author is
   * cleared) and the creation time. Layers are rewritten as streams when read, never held whole, in
   * their own format (zstd layers stay zstd, every other one becomes gzip); their digests are
   * computed on first use, which reads each layer once. Go's zero time ({@link
   * ConfigFile#ZERO_TIME}) is written in tar headers as 0.
   *
   * @throws IllegalArgumentException when the image's config is not an image config, or its history
   *     lists more layers than it has
   */
  public static Image time(Image image, Instant time) throws IOException {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(time, "time");
    return Retiming.retime(image, time, UnaryOperator.identity());
  }

  /**
   * A reproducible copy of {@code image}: {@link #time} with {@link ConfigFile#ZERO_TIME}, and the
   * host-dependent config fields {@code container}, {@code docker_version} and {@code
   * config.Hostname} cleared.
   */
  public static Image canonical(Image image) throws IOException {
    Objects.requireNonNull(image, "image");
    return Retiming.retime(
        image,
        ConfigFile.ZERO_TIME,
        file ->
            file.toBuilder()
                .container("")
                .dockerVersion("")
                .config(file.config().toBuilder().hostname("").build())
                .build());
  }

  /**
   * {@code image} with its layers compressed as {@code compression}, for example {@code
   * Zstd.compression(3)} (module v1-zstd) or {@code LayerCompression.gzip(6)}. Lazy: only the
   * manifest media type is read now; a layer is decompressed and compressed anew when its new form
   * is read (by a push, say), and its digest and size are known once it has been read to its end
   * ({@link NotComputedException} before, as a {@code StreamLayer}'s), so a push uploads the layers
   * first and then the manifest. DiffIDs, and so the config bytes, do not change. Layers already in
   * that format, foreign and non-distributable layers are kept as they are. For a format other than
   * gzip a Docker manifest (and config type) becomes OCI's, as Docker's media types know only gzip.
   */
  public static Image recompress(Image image, LayerCompression compression) throws IOException {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(compression, "compression");
    return new RecompressedImage(image, Recompression.of(image, compression));
  }

  /**
   * {@code image} moved from {@code oldBase} onto {@code newBase}: the new base's layers and
   * history, then the layers and history entries {@code image} has above the old base, with the
   * image's config (its entrypoint, environment, labels, …) on the new base's platform. Reads the
   * three images' layer lists and configs now; no layer content is read.
   *
   * @throws IllegalArgumentException when the layers of {@code oldBase} are not the first layers of
   *     {@code image}; the message names the first layer that differs
   */
  public static Image rebase(Image image, Image oldBase, Image newBase) throws IOException {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(oldBase, "old base");
    Objects.requireNonNull(newBase, "new base");
    return Rebasing.rebase(image, oldBase, newBase);
  }

  /**
   * The flattened filesystem of {@code image} as one tar stream, produced as it is read (layers are
   * opened one at a time, top first, and nothing is buffered). An entry in a later layer wins over
   * the same path in an earlier one; whiteouts ({@code .wh.name}) and opaque directories ({@code
   * .wh..wh..opq}) hide what lower layers have; paths are cleaned. Reading fails with {@link
   * UnsafeArchivePathException} at an entry whose path leads outside the root (for example {@code
   * ../../etc/passwd} or an absolute path) and at a hard link whose target, resolved from the root,
   * is absolute or leads outside it; symbolic links whose relative target leads outside the root
   * are dropped. A whiteout hides what lower layers hold, never a file of its own layer (the OCI
   * rule). The caller closes the stream.
   */
  public static InputStream extract(Image image) throws IOException {
    Objects.requireNonNull(image, "image");
    List<Layer> layers = image.layers();
    List<RewrittenTar.Source> topFirst = new ArrayList<>();
    List<String> descriptions = new ArrayList<>();
    for (int i = layers.size() - 1; i >= 0; i--) {
      String description = "layer " + (i + 1) + " of " + layers.size();
      topFirst.add(new RewrittenTar.Source(layers.get(i)::uncompressed, description));
      descriptions.add(description);
    }
    return RewrittenTar.stream(topFirst, new FlattenMapper(descriptions));
  }

  /**
   * {@code base} with descriptors of {@code adds} appended to its manifests.
   *
   * @throws NullPointerException naming the addendum that is null
   */
  public static ImageIndex appendManifests(ImageIndex base, IndexAddendum... adds) {
    Objects.requireNonNull(base, "base index");
    Objects.requireNonNull(adds, "index addenda");
    requireElements(adds, "appending to an index: addendum");
    return new MutatedIndex(base, IndexEdit.append(List.of(adds)));
  }

  /** {@code base} without the descriptors {@code remove} matches. */
  public static ImageIndex removeManifests(ImageIndex base, Predicate<Descriptor> remove) {
    Objects.requireNonNull(base, "base index");
    Objects.requireNonNull(remove, "remove");
    return new MutatedIndex(base, IndexEdit.remove(remove));
  }

  private static void requireElements(Object[] elements, String what) {
    for (int i = 0; i < elements.length; i++) {
      if (elements[i] == null) {
        throw new NullPointerException(
            what + " " + (i + 1) + " of " + elements.length + " is null");
      }
    }
  }
}
