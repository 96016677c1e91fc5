package dev.containerregistry.v1.tarball;

import dev.containerregistry.name.Tag;
import dev.containerregistry.v1.Annotations;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.IndexManifest;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.NotComputedException;
import dev.containerregistry.v1.tar.TarEntry;
import dev.containerregistry.v1.tar.TarWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Streams tagged images into one tar: first {@code manifest.json} (Docker), {@code oci-layout} and
 * {@code index.json} (OCI), then each blob once under {@code blobs/sha256/}. Every header needs its
 * size first, so layers must know theirs; nothing else is held in memory.
 */
final class TarballWriter {

  private final TarWriter tar;
  private final Set<Hash> written = new HashSet<>();

  TarballWriter(OutputStream out) {
    this.tar = new TarWriter(out);
  }

  void write(Map<Tag, Image> images) throws IOException {
    try {
      writeAll(images);
    } catch (NotComputedException e) {
      throw new IOException(
          "cannot put an image in a tarball before its stream layers are read: every tar header"
              + " needs the layer's size and digest first; write the image to a Layout or a"
              + " registry first",
          e);
    }
  }

  private void writeAll(Map<Tag, Image> images) throws IOException {
    Map<Hash, Image> byDigest = new LinkedHashMap<>();
    Map<Hash, List<String>> tags = new LinkedHashMap<>();
    List<ManifestJson> entries = new ArrayList<>();
    List<Descriptor> descriptors = new ArrayList<>();
    for (Map.Entry<Tag, Image> tagged : images.entrySet()) {
      Image image = tagged.getValue();
      Hash digest = image.digest();
      byDigest.putIfAbsent(digest, image);
      tags.computeIfAbsent(digest, d -> new ArrayList<>())
          .add(ArchiveNames.dockerTag(tagged.getKey()));
      descriptors.add(
          Descriptor.builder()
              .mediaType(image.mediaType())
              .size(image.size())
              .digest(digest)
              .annotations(
                  Map.of(
                      ArchiveNames.IMAGE_NAME_ANNOTATION,
                      tagged.getKey().name(),
                      Annotations.REF_NAME,
                      tagged.getKey().tagStr()))
              .build());
    }
    for (Map.Entry<Hash, List<String>> tagged : tags.entrySet()) {
      entries.add(
          manifestJson(Objects.requireNonNull(byDigest.get(tagged.getKey())), tagged.getValue()));
    }
    file(ArchiveNames.MANIFEST_JSON, ManifestJson.toJson(entries));
    file(
        ArchiveNames.OCI_LAYOUT,
        "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
    file(
        ArchiveNames.INDEX_JSON,
        IndexManifest.builder()
            .mediaType(MediaType.OCI_IMAGE_INDEX)
            .manifests(descriptors)
            .build()
            .toJson());
    for (Image image : byDigest.values()) {
      blobs(image);
    }
    tar.finish();
  }

  private static ManifestJson manifestJson(Image image, List<String> tags) throws IOException {
    List<String> layers = new ArrayList<>();
    for (Layer layer : image.layers()) {
      layers.add(ArchiveNames.blob(layer.digest()));
    }
    return new ManifestJson(ArchiveNames.blob(image.configName()), tags, layers);
  }

  private void blobs(Image image) throws IOException {
    for (Layer layer : image.layers()) {
      Hash digest = layer.digest();
      if (written.add(digest)) {
        try (InputStream in = layer.compressed()) {
          tar.write(entry(ArchiveNames.blob(digest), layer.size()), in);
        }
      }
    }
    blob(image.configName(), image.rawConfigFile());
    blob(image.digest(), image.rawManifest());
  }

  private void blob(Hash digest, byte[] content) throws IOException {
    if (written.add(digest)) {
      file(ArchiveNames.blob(digest), content);
    }
  }

  private void file(String name, byte[] content) throws IOException {
    tar.write(entry(name, content.length), content);
  }

  private static TarEntry entry(String name, long size) {
    return TarEntry.builder(name, TarEntry.Type.REGULAR).size(size).build();
  }
}
