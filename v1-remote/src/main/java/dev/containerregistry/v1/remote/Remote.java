package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Registry;
import dev.containerregistry.name.Repository;
import dev.containerregistry.name.Tag;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.Layer;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The registry client's entry points. Each call takes a reference and {@link RemoteOptions}
 * (credentials, jobs, retries, progress) and hands the work to the class that does it.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md">OCI
 *     distribution spec</a>
 */
public final class Remote {

  private Remote() {}

  /**
   * Uploads one layer to {@code repo} (skipped if present, mounted if the layer knows another
   * repository of the same registry). A stream layer is read once, as it is sent.
   *
   * @throws IOException naming the layer and the step that failed
   */
  public static void writeLayer(Repository repo, Layer layer, RemoteOptions options) throws IOException {
    Pushes.layer(repo, layer, options);
  }

  /**
   * Pushes {@code image}: its layers (concurrently, up to {@code jobs}), then its config, then
   * its manifest under {@code ref}.
   *
   * @throws IOException naming the blob or manifest and the step that failed
   */
  public static void write(Reference ref, Image image, RemoteOptions options) throws IOException {
    Pushes.write(Map.of(ref, image), options);
  }

  /**
   * Pushes {@code index} with every image and index it holds (children by digest), then the index
   * manifest under {@code ref}.
   *
   * @throws IOException naming the blob or manifest and the step that failed
   */
  public static void writeIndex(Reference ref, ImageIndex index, RemoteOptions options) throws IOException {
    Pushes.write(Map.of(ref, index), options);
  }

  /**
   * Pushes several images and indexes ({@code Image} or {@code ImageIndex} values); a blob shared
   * by several of them is transferred once per repository.
   *
   * @throws IllegalArgumentException when a value is neither an image nor an index
   * @throws IOException naming the blob or manifest and the step that failed
   */
  public static void multiWrite(Map<? extends Reference, ?> todo, RemoteOptions options) throws IOException {
    Pushes.write(todo, options);
  }

  /** Puts the manifest of {@code image} (whose blobs the repository already holds) under {@code tag}. */
  public static void tag(Tag tag, Image image, RemoteOptions options) throws IOException {
    put(tag, image, options);
  }

  /** Puts the manifest of {@code index} (whose children the repository already holds) under {@code tag}. */
  public static void tag(Tag tag, ImageIndex index, RemoteOptions options) throws IOException {
    put(tag, index, options);
  }

  /** Puts only the manifest of {@code image} under {@code ref}, a tag or its digest. */
  public static void put(Reference ref, Image image, RemoteOptions options) throws IOException {
    Pushes.manifest(ref, image.mediaType(), image.rawManifest(), options);
  }

  /** Puts only the manifest of {@code index} under {@code ref}, a tag or its digest. */
  public static void put(Reference ref, ImageIndex index, RemoteOptions options) throws IOException {
    Pushes.manifest(ref, index.mediaType(), index.rawManifest(), options);
  }

  /**
   * The manifest or index {@code ref} points at: its exact bytes and descriptor. Every manifest
   * media type is accepted; one fetched by digest must hash to it; Docker schema 1 is refused.
   */
  public static FetchedManifest get(Reference ref, RemoteOptions options) throws IOException {
    return RemoteReads.get(ref, options);
  }

  /** The descriptor (media type, size, digest) of what {@code ref} points at, by {@code HEAD}. */
  public static Descriptor head(Reference ref, RemoteOptions options) throws IOException {
    return RemoteReads.head(ref, options);
  }

  /**
   * The image {@code ref} points at, read lazily: the manifest now, the config when asked, each
   * layer when its stream is opened, every stream verified. For an index, the image for
   * {@link RemoteOptions#platform()}; {@link PlatformNotFoundException} lists the others.
   */
  public static Image image(Reference ref, RemoteOptions options) throws IOException {
    return RemoteReads.image(ref, options);
  }

  /** The index {@code ref} points at, read lazily; children are fetched by digest when asked. */
  public static ImageIndex index(Reference ref, RemoteOptions options) throws IOException {
    return RemoteReads.index(ref, options);
  }

  /** Every tag of {@code repo}, following pagination ({@link RemoteOptions#pageSize()} per page). */
  public static List<String> list(Repository repo, RemoteOptions options) throws IOException {
    return RemoteReads.list(repo, options);
  }

  /** Every repository of {@code registry}, following pagination. */
  public static List<String> catalog(Registry registry, RemoteOptions options) throws IOException {
    return RemoteReads.catalog(registry, options);
  }

  /** Deletes the manifest {@code ref} points at (most registries want a digest, not a tag). */
  public static void delete(Reference ref, RemoteOptions options) throws IOException {
    RemoteReads.delete(ref, options);
  }

  /**
   * Copies the image or index (with every child) at {@code src} to {@code dst}, blob by blob from
   * registry to registry, mounting when both are on one registry; digests stay identical. The
   * source's manifests are all checked first: a bad source writes nothing.
   */
  public static void copy(Reference src, Reference dst, RemoteOptions options) throws IOException {
    RemoteReads.copy(src, dst, options);
  }
}
