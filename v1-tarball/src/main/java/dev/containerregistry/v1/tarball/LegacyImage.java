package dev.containerregistry.v1.tarball;

import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.ContentNotFoundException;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.partial.CompressedLayer;
import dev.containerregistry.v1.partial.ImageCore;
import dev.containerregistry.v1.partial.Partial;
import dev.containerregistry.v1.partial.VerifiedBlobs;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An image known only by a {@code manifest.json} entry, as {@code docker save} writes it: the
 * config file and layer files are read from the archive, and a Docker manifest is made for them. A
 * layer file stored as a plain tar becomes a gzip layer whose digest is known once it has been read
 * (or asked for); a gzip layer file keeps its bytes.
 */
final class LegacyImage implements ImageCore {

  private static final int GZIP_MAGIC_1 = 0x1f;
  private static final int GZIP_MAGIC_2 = 0x8b;

  private final ArchiveEntries archive;
  private final ManifestJson entry;
  private final String where;
  private byte @Nullable [] config;
  private @Nullable List<Layer> layers;

  private LegacyImage(ArchiveEntries archive, ManifestJson entry) {
    this.archive = archive;
    this.entry = entry;
    this.where = "image " + entry.repoTags() + " of " + archive;
  }

  static Image of(ArchiveEntries archive, ManifestJson entry) {
    return Partial.image(new LegacyImage(archive, entry));
  }

  @Override
  public synchronized byte[] rawConfigFile() throws IOException {
    if (config == null) {
      config = archive.read(entry.config(), where, Tarball.MAX_DOCUMENT_BYTES);
      Hash named = digestInName(entry.config());
      if (named != null && !named.equals(Hash.sha256(config))) {
        throw new IOException(
            where + ": config " + entry.config() + " has sha256 " + Hash.sha256(config));
      }
    }
    return config;
  }

  @Override
  public byte[] rawManifest() throws IOException {
    byte[] rawConfig = rawConfigFile();
    List<Descriptor> layerDescriptors = new ArrayList<>();
    for (Layer layer : layers()) {
      layerDescriptors.add(Partial.descriptor(layer));
    }
    return Manifest.builder()
        .mediaType(MediaType.DOCKER_MANIFEST_SCHEMA2)
        .config(
            Descriptor.of(MediaType.DOCKER_CONFIG_JSON, rawConfig.length, Hash.sha256(rawConfig)))
        .layers(layerDescriptors)
        .build()
        .toJson();
  }

  @Override
  public Layer layer(Descriptor descriptor) throws IOException {
    for (Layer layer : layers()) {
      if (layer.digest().equals(descriptor.digest())) {
        return layer;
      }
    }
    throw new ContentNotFoundException(descriptor.digest(), where);
  }

  private synchronized List<Layer> layers() throws IOException {
    if (layers == null) {
      List<Hash> diffIds = ConfigFile.parse(rawConfigFile()).rootFs().diffIds();
      if (diffIds.size() != entry.layers().size()) {
        throw new IOException(
            where
                + ": manifest.json lists "
                + entry.layers().size()
                + " layers, its config "
                + diffIds.size()
                + " DiffIDs");
      }
      List<Layer> built = new ArrayList<>();
      for (int i = 0; i < diffIds.size(); i++) {
        built.add(layer(entry.layers().get(i), diffIds.get(i)));
      }
      layers = List.copyOf(built);
    }
    return layers;
  }

  private Layer layer(String path, Hash diffId) throws IOException {
    if (!isGzip(path)) {
      return Partial.uncompressedLayer(
          diffId,
          MediaType.DOCKER_LAYER,
          () ->
              VerifiedBlobs.verify(
                  archive.open(path, where), diffId, "layer " + path + " of " + where));
    }
    Hash named = digestInName(path);
    long size = archive.size(path, where);
    return Partial.layer(new GzipFile(path, named, size, diffId));
  }

  private boolean isGzip(String path) throws IOException {
    try (InputStream in = archive.open(path, where)) {
      return in.read() == GZIP_MAGIC_1 && in.read() == GZIP_MAGIC_2;
    }
  }

  /** The digest a path such as {@code blobs/sha256/<hex>} names, if it names one. */
  private static @Nullable Hash digestInName(String path) {
    if (!path.startsWith(ArchiveNames.BLOBS)) {
      return null;
    }
    try {
      return new Hash(Hash.SHA256, path.substring(ArchiveNames.BLOBS.length()));
    } catch (IllegalArgumentException notADigest) {
      return null;
    }
  }

  /** A gzip layer file: its digest is its name's, or the hash of its bytes, computed once. */
  private final class GzipFile implements CompressedLayer {
    private final String path;
    private @Nullable Hash digest;
    private final long size;
    private final Hash diffId;

    GzipFile(String path, @Nullable Hash digest, long size, Hash diffId) {
      this.path = path;
      this.digest = digest;
      this.size = size;
      this.diffId = diffId;
    }

    @Override
    public synchronized Hash digest() throws IOException {
      if (digest == null) {
        try (InputStream in = archive.open(path, where)) {
          digest = Hash.sha256(in).hash();
        }
      }
      return digest;
    }

    @Override
    public long size() {
      return size;
    }

    @Override
    public MediaType mediaType() {
      return MediaType.DOCKER_LAYER;
    }

    @Override
    public InputStream compressed() throws IOException {
      return VerifiedBlobs.verify(
          archive.open(path, where), digest(), "layer " + path + " of " + where);
    }

    @Override
    public Optional<Hash> diffId() {
      return Optional.of(diffId);
    }
  }
}
