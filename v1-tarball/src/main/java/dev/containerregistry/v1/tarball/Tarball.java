package dev.containerregistry.v1.tarball;

import dev.containerregistry.name.Tag;
import dev.containerregistry.v1.Annotations;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.IndexManifest;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.partial.BlobOpener;
import dev.containerregistry.v1.partial.Partial;
import dev.containerregistry.v1.partial.VerifiedBlobs;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A tarball of images: what {@code docker save} writes and {@code docker load} reads, and an OCI
 * archive ({@code oci-archive:}) at the same time.
 *
 * <p>{@link #write(Map, OutputStream)} streams tagged images into a tar with Docker's {@code
 * manifest.json} and the OCI {@code oci-layout} and {@code index.json}, each blob once under {@code
 * blobs/sha256/}; nothing is held in memory. {@link #open(Path)} reads such a tar, a {@code docker
 * save} tar of any engine version, or an OCI archive: it reads the headers once, and each image's
 * files only when asked for, verifying digests as it reads.
 *
 * <p>Paths in {@code manifest.json} that leave the archive, and blobs stored as links, are refused
 * with an {@link UnsafeArchiveException}.
 *
 * <pre>{@code
 * try (OutputStream out = Files.newOutputStream(Path.of("app.tar"))) {
 *   Tarball.write(Map.of(Tag.parse("example.com/app:1"), image), out);
 * }
 * Image back = Tarball.open(Path.of("app.tar")).image(Tag.parse("example.com/app:1"));
 * }</pre>
 */
public final class Tarball {

  /** The largest manifest, index or config read whole. */
  static final int MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

  private final ArchiveEntries archive;
  private final List<ManifestJson> dockerEntries;
  private final List<Descriptor> ociEntries;
  private final BlobOpener blobs;

  private Tarball(ArchiveEntries archive, List<ManifestJson> docker, List<Descriptor> oci) {
    this.archive = archive;
    this.dockerEntries = docker;
    this.ociEntries = oci;
    this.blobs =
        VerifiedBlobs.of(
            digest -> archive.open(ArchiveNames.blob(digest), "blob " + digest),
            archive.toString());
  }

  /** Streams one tagged image into {@code out} as a tarball; {@code out} is not closed. */
  public static void write(Tag tag, Image image, OutputStream out) throws IOException {
    write(Map.of(tag, image), out);
  }

  /**
   * Streams tagged images into {@code out} as one tarball (the same image under several tags is
   * stored once); {@code out} is not closed. Every layer's size and digest must be known, so an
   * unread stream layer is refused.
   */
  public static void write(Map<Tag, Image> images, OutputStream out) throws IOException {
    Objects.requireNonNull(images, "images");
    if (images.isEmpty()) {
      throw new IllegalArgumentException("a tarball needs at least one tagged image");
    }
    OutputStream buffered = new BufferedOutputStream(out, 256 * 1024);
    new TarballWriter(buffered).write(new LinkedHashMap<>(images));
    buffered.flush();
  }

  /** Writes tagged images into the file {@code file} (replaced if it exists). */
  public static void write(Map<Tag, Image> images, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(images, out);
    }
  }

  /**
   * Opens the tarball {@code file}: a {@code docker save} tar (with {@code manifest.json}), an OCI
   * archive (with {@code index.json}), or both. Only the tar headers are read here.
   */
  public static Tarball open(Path file) throws IOException {
    ArchiveEntries archive = ArchiveEntries.scan(file);
    List<ManifestJson> docker = List.of();
    if (archive.has(ArchiveNames.MANIFEST_JSON)) {
      docker =
          ManifestJson.parse(
              archive.read(ArchiveNames.MANIFEST_JSON, "tarball " + file, MAX_DOCUMENT_BYTES),
              "tarball " + file);
    }
    List<Descriptor> oci = List.of();
    if (archive.has(ArchiveNames.INDEX_JSON)) {
      oci =
          IndexManifest.parse(
                  archive.read(ArchiveNames.INDEX_JSON, "tarball " + file, MAX_DOCUMENT_BYTES))
              .manifests();
    }
    if (docker.isEmpty() && oci.isEmpty()) {
      throw new IOException(
          "tarball " + file + " has neither manifest.json nor index.json: not an image tarball");
    }
    return new Tarball(archive, docker, oci);
  }

  /** The number of images, in {@code manifest.json} or else in {@code index.json}. */
  public int size() {
    return dockerEntries.isEmpty() ? ociEntries.size() : dockerEntries.size();
  }

  /** Every tag of every image, in archive order. */
  public List<Tag> tags() {
    List<Tag> tags = new ArrayList<>();
    if (!dockerEntries.isEmpty()) {
      for (ManifestJson entry : dockerEntries) {
        entry.repoTags().forEach(t -> tags.add(Tag.parse(t)));
      }
    } else {
      for (Descriptor entry : ociEntries) {
        Tag tag = ociTag(entry);
        if (tag != null) {
          tags.add(tag);
        }
      }
    }
    return tags;
  }

  /**
   * The image at {@code position} (from 0) in {@code manifest.json}, or else in {@code index.json}.
   */
  public Image image(int position) throws IOException {
    Objects.checkIndex(position, size());
    if (dockerEntries.isEmpty()) {
      return ociImage(ociEntries.get(position));
    }
    return dockerImage(dockerEntries.get(position));
  }

  /**
   * The image tagged {@code tag}.
   *
   * @throws IOException when no image has that tag
   */
  public Image image(Tag tag) throws IOException {
    Objects.requireNonNull(tag, "tag");
    for (ManifestJson entry : dockerEntries) {
      for (String repoTag : entry.repoTags()) {
        if (Tag.parse(repoTag).equals(tag)) {
          return dockerImage(entry);
        }
      }
    }
    for (Descriptor entry : ociEntries) {
      if (Objects.equals(tag, ociTag(entry))) {
        return ociImage(entry);
      }
    }
    throw new IOException(
        "tarball " + archive + " has no image tagged " + tag + " (it has " + tags() + ")");
  }

  /** The OCI {@code index.json} of the archive, when it has one. */
  public Optional<ImageIndex> index() throws IOException {
    if (!archive.has(ArchiveNames.INDEX_JSON)) {
      return Optional.empty();
    }
    return Optional.of(
        Partial.index(
            archive.read(ArchiveNames.INDEX_JSON, "tarball " + archive, MAX_DOCUMENT_BYTES),
            blobs));
  }

  @Override
  public String toString() {
    return "Tarball[" + archive + "]";
  }

  /**
   * The image of a {@code manifest.json} entry: when {@code index.json} lists a manifest for the
   * same config, that manifest (so the digests are the original ones); otherwise one made for it.
   */
  private Image dockerImage(ManifestJson entry) throws IOException {
    for (Descriptor candidate : ociEntries) {
      if (candidate.mediaType().isImage() && archive.has(ArchiveNames.blob(candidate.digest()))) {
        byte[] raw = document(candidate.digest());
        if (entry.config().equals(ArchiveNames.blob(Manifest.parse(raw).config().digest()))) {
          return Partial.image(raw, blobs);
        }
      }
    }
    return LegacyImage.of(archive, entry);
  }

  private Image ociImage(Descriptor entry) throws IOException {
    if (!entry.mediaType().isImage()) {
      throw new IOException(
          "tarball "
              + archive
              + ": entry "
              + entry.digest()
              + " is a "
              + entry.mediaType()
              + ", not an image (use index())");
    }
    return Partial.image(document(entry.digest()), blobs);
  }

  private byte[] document(Hash digest) throws IOException {
    String path = ArchiveNames.blob(digest);
    if (archive.size(path, "blob " + digest) > MAX_DOCUMENT_BYTES) {
      throw new IOException(
          "tarball " + archive + ": manifest " + digest + " is too large: refused");
    }
    try (InputStream in = blobs.open(digest)) {
      return in.readAllBytes();
    }
  }

  /** The tag of an {@code index.json} entry: Docker's full image name, else a full ref name. */
  private static @Nullable Tag ociTag(Descriptor entry) {
    String name = entry.annotations().get(ArchiveNames.IMAGE_NAME_ANNOTATION);
    if (name == null) {
      name = entry.annotations().get(Annotations.REF_NAME);
    }
    if (name == null) {
      return null;
    }
    try {
      return Tag.parse(name);
    } catch (IllegalArgumentException notATag) {
      return null;
    }
  }
}
