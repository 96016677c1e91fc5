package dev.containerregistry.v1.partial;

import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.ContentNotFoundException;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.IoSupplier;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds whole {@link Layer}s, {@link Image}s and {@link ImageIndex}es from the few things a source
 * really has, so that a new kind of image (a directory, a tarball, a database) needs only a handful
 * of methods:
 *
 * <ul>
 *   <li>a layer stored compressed: {@link #layer(CompressedLayer)} or {@link #compressedLayer};
 *   <li>a layer kept as a plain tar: {@link #layer(UncompressedLayer)} or {@link
 *       #uncompressedLayer};
 *   <li>a layer under another media type: {@link #withMediaType};
 *   <li>an image: {@link #image(ImageCore)}, or raw manifest (and config) plus a {@link
 *       BlobOpener};
 *   <li>an index: {@link #index(IndexCore)}, or raw index plus a {@link BlobOpener}.
 * </ul>
 *
 * Derived values are computed on first use and kept; raw bytes are never re-serialized.
 */
public final class Partial {

  private Partial() {}

  /**
   * A layer from a compressed blob; the uncompressed form and DiffID are derived by decompressing
   * it (gzip, or any format of {@link dev.containerregistry.v1.compression.LayerCompressions}).
   */
  public static Layer layer(CompressedLayer blob) {
    return new LayerFromCompressed(blob);
  }

  /**
   * A layer from a plain tar; the compressed form (in the format the media type names, gzip when it
   * names none), digest and size are derived in one pass.
   */
  public static Layer layer(UncompressedLayer blob) {
    return new LayerFromUncompressed(blob);
  }

  /** A layer from a compressed blob known by digest, size and media type. */
  public static Layer compressedLayer(
      Hash digest, long size, MediaType mediaType, IoSupplier<InputStream> compressed) {
    return layer(new OpenedCompressedLayer(digest, size, mediaType, compressed, Optional::empty));
  }

  /**
   * A layer from a plain tar known by its DiffID; it is compressed in the format {@code mediaType}
   * names ({@code +zstd}: zstd, with module v1-zstd), gzip when it names none.
   */
  public static Layer uncompressedLayer(
      Hash diffId, MediaType mediaType, IoSupplier<InputStream> tar) {
    return layer(new OpenedUncompressedLayer(diffId, mediaType, tar));
  }

  /**
   * {@code layer} described with {@code mediaType} instead of its own: every other method answers
   * what {@code layer} answers, and nothing is read until asked for. For example a foreign or
   * non-distributable type for a layer that was built as a plain OCI layer.
   */
  public static Layer withMediaType(Layer layer, MediaType mediaType) {
    return new RetypedLayer(
        Objects.requireNonNull(layer, "layer"), Objects.requireNonNull(mediaType, "mediaType"));
  }

  /** An image from its core. */
  public static Image image(ImageCore core) {
    return new ImageFromCore(
        core::rawManifest,
        core::rawConfigFile,
        (descriptor, index, image) -> core.layer(descriptor));
  }

  /**
   * An image from the bytes of its manifest and config; layers are opened from {@code blobs} and
   * their DiffIDs taken from the config (by position) instead of being computed.
   */
  public static Image image(byte[] rawManifest, byte[] rawConfig, BlobOpener blobs) {
    byte[] manifest = rawManifest.clone();
    byte[] config = rawConfig.clone();
    return new ImageFromCore(() -> manifest, () -> config, blobLayers(blobs));
  }

  /**
   * An image from the bytes of its manifest; the config and layers are opened from {@code blobs}.
   */
  public static Image image(byte[] rawManifest, BlobOpener blobs) {
    byte[] manifest = rawManifest.clone();
    return new ImageFromCore(
        () -> manifest,
        () -> readBlob(blobs, Manifest.parse(manifest).config().digest()),
        blobLayers(blobs));
  }

  /** An index from its core. */
  public static ImageIndex index(IndexCore core) {
    return new IndexFromCore(core);
  }

  /**
   * An index from its bytes; child manifests, configs and layers are all opened from {@code blobs},
   * as in an OCI image layout.
   */
  public static ImageIndex index(byte[] rawIndex, BlobOpener blobs) {
    byte[] raw = rawIndex.clone();
    return index(
        new IndexCore() {
          @Override
          public byte[] rawManifest() {
            return raw;
          }

          @Override
          public Image image(Descriptor child) throws IOException {
            return Partial.image(readBlob(blobs, child.digest()), blobs);
          }

          @Override
          public ImageIndex imageIndex(Descriptor child) throws IOException {
            return Partial.index(readBlob(blobs, child.digest()), blobs);
          }
        });
  }

  /** The descriptor that points at {@code layer}: media type, size and digest. */
  public static Descriptor descriptor(Layer layer) throws IOException {
    return Descriptor.of(layer.mediaType(), layer.size(), layer.digest());
  }

  /** The descriptor that points at {@code image}'s manifest, with the platform of its config. */
  public static Descriptor descriptor(Image image) throws IOException {
    return Descriptor.builder()
        .mediaType(image.mediaType())
        .size(image.size())
        .digest(image.digest())
        .platform(image.configFile().platform().orElse(null))
        .build();
  }

  /** The descriptor that points at {@code index}. */
  public static Descriptor descriptor(ImageIndex index) throws IOException {
    return Descriptor.of(index.mediaType(), index.size(), index.digest());
  }

  private static ImageFromCore.LayerResolver blobLayers(BlobOpener blobs) {
    return (descriptor, index, image) ->
        layer(
            new OpenedCompressedLayer(
                descriptor.digest(),
                descriptor.size(),
                descriptor.mediaType(),
                () -> blobs.open(descriptor.digest()),
                () -> diffIdAt(image, index)));
  }

  /**
   * The config's DiffID at {@code index}, when the config is an image config listing one per
   * manifest layer; otherwise the DiffID is computed from the blob.
   */
  private static Optional<Hash> diffIdAt(Image image, int index) throws IOException {
    if (!image.manifest().config().mediaType().isConfig()) {
      return Optional.empty();
    }
    ConfigFile config = image.configFile();
    List<Hash> diffIds = config.rootFs().diffIds();
    if (diffIds.size() != image.manifest().layers().size()) {
      return Optional.empty();
    }
    return Optional.of(diffIds.get(index));
  }

  private static byte[] readBlob(BlobOpener blobs, Hash digest) throws IOException {
    try (InputStream in = blobs.open(digest)) {
      return in.readAllBytes();
    }
  }

  /**
   * For implementers of {@link Image#layerByDigest}: the config blob (as a {@link StaticLayer})
   * when {@code wanted} is the manifest's config digest, else the layer at the position of the
   * manifest's layer descriptor with that digest.
   *
   * @param what the image, for the message, for example {@code "image sha256:…"}
   * @throws ContentNotFoundException when the image has no blob {@code wanted}
   */
  public static Layer layerByDigest(Image image, Hash wanted, String what) throws IOException {
    Descriptor config = image.manifest().config();
    if (config.digest().equals(wanted)) {
      return StaticLayer.of(image.rawConfigFile(), config.mediaType());
    }
    List<Descriptor> descriptors = image.manifest().layers();
    for (int i = 0; i < descriptors.size(); i++) {
      if (descriptors.get(i).digest().equals(wanted)) {
        return image.layers().get(i);
      }
    }
    throw new ContentNotFoundException(wanted, "the blobs of " + what);
  }

  /**
   * For implementers of {@link Image#layerByDiffId}: the layer at the position of {@code wanted} in
   * the config's {@code rootfs.diff_ids}.
   *
   * @param what the image, for the message, for example {@code "image sha256:…"}
   * @throws ContentNotFoundException when the config lists no such DiffID for a layer
   */
  public static Layer layerByDiffId(Image image, Hash wanted, String what) throws IOException {
    int index = image.configFile().rootFs().diffIds().indexOf(wanted);
    if (index < 0 || index >= image.manifest().layers().size()) {
      throw new ContentNotFoundException(wanted, "the DiffIDs of " + what);
    }
    return image.layers().get(index);
  }
}
