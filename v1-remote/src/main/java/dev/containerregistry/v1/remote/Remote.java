package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Digest;
import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Registry;
import dev.containerregistry.name.Repository;
import dev.containerregistry.name.Tag;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.Layer;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The registry client's entry points: push ({@code writeLayer}, {@code write}, {@code writeIndex},
 * {@code multiWrite}, {@code tag}, {@code put}), pull ({@code get}, {@code head}, {@code image},
 * {@code index}, {@code blob}), {@code list}, {@code catalog}, {@code delete} and {@code copy}.
 * Each call takes a reference and {@link RemoteOptions} (credentials, jobs, retries, progress,
 * platform) and hands the work to the class that does it; every call is independent and
 * thread-safe.
 *
 * <p>Failures are {@link IOException}s that name what was being done and to which reference or
 * blob: a registry's refusal is a {@link
 * dev.containerregistry.v1.remote.transport.TransportException TransportException} carrying its
 * status and error codes; content that does not match its digest or size is a {@link
 * VerificationException}.
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
  public static void writeLayer(Repository repo, Layer layer, RemoteOptions options)
      throws IOException {
    Pushes.layer(repo, layer, options);
  }

  /**
   * Pushes {@code image}: its layers (concurrently, up to {@code jobs}), then its config, then its
   * manifest under {@code ref}.
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
  public static void writeIndex(Reference ref, ImageIndex index, RemoteOptions options)
      throws IOException {
    Pushes.write(Map.of(ref, index), options);
  }

  /**
   * Pushes several images and indexes ({@code Image} or {@code ImageIndex} values); a blob shared
   * by several of them is transferred once per repository.
   *
   * @throws IllegalArgumentException when a value is neither an image nor an index
   * @throws IOException naming the blob or manifest and the step that failed
   */
  public static void multiWrite(Map<? extends Reference, ?> todo, RemoteOptions options)
      throws IOException {
    Pushes.write(todo, options);
  }

  /**
   * Puts the manifest of {@code image}, whose blobs the repository already holds, under {@code
   * tag}.
   *
   * @throws IOException naming the manifest when the registry refuses it (for example {@code
   *     MANIFEST_BLOB_UNKNOWN} when a blob is missing)
   */
  public static void tag(Tag tag, Image image, RemoteOptions options) throws IOException {
    put(tag, image, options);
  }

  /**
   * Puts the manifest of {@code index}, whose children the repository already holds, under {@code
   * tag}.
   *
   * @throws IOException naming the manifest when the registry refuses it
   */
  public static void tag(Tag tag, ImageIndex index, RemoteOptions options) throws IOException {
    put(tag, index, options);
  }

  /**
   * Puts only the manifest of {@code image} under {@code ref}, a tag or its digest; no blob is
   * sent.
   *
   * @throws IllegalArgumentException when {@code ref} is a digest the manifest does not hash to
   *     (nothing is sent then)
   * @throws IOException naming the manifest when the registry refuses it
   */
  public static void put(Reference ref, Image image, RemoteOptions options) throws IOException {
    Pushes.manifest(ref, image.mediaType(), image.rawManifest(), options);
  }

  /**
   * Puts only the manifest of {@code index} under {@code ref}, a tag or its digest; no child is
   * sent.
   *
   * @throws IllegalArgumentException when {@code ref} is a digest the index does not hash to
   *     (nothing is sent then)
   * @throws IOException naming the manifest when the registry refuses it
   */
  public static void put(Reference ref, ImageIndex index, RemoteOptions options)
      throws IOException {
    Pushes.manifest(ref, index.mediaType(), index.rawManifest(), options);
  }

  /**
   * The manifest or index {@code ref} points at: its exact bytes and descriptor. Every manifest
   * media type is accepted; the body is read up to 4 MiB.
   *
   * @throws VerificationException when {@code ref} is a digest the bytes do not hash to
   * @throws IOException when the registry refuses ({@code MANIFEST_UNKNOWN}, …), the manifest is
   *     over the size cap, or it is Docker schema 1
   */
  public static FetchedManifest get(Reference ref, RemoteOptions options) throws IOException {
    return RemoteReads.get(ref, options);
  }

  /**
   * The descriptor (media type, size, digest) of what {@code ref} points at, from a {@code HEAD}
   * when the registry sends those headers, else from a {@code GET}.
   *
   * @throws VerificationException when {@code ref} is a digest the registry reports another for
   * @throws IOException when the registry refuses or the manifest is Docker schema 1
   */
  public static Descriptor head(Reference ref, RemoteOptions options) throws IOException {
    return RemoteReads.head(ref, options);
  }

  /**
   * The image {@code ref} points at, read lazily: the manifest now, the config when asked, each
   * layer when its stream is opened, every stream verified against its digest and size (and the
   * uncompressed one against its DiffID). For an index, its image for {@link
   * RemoteOptions#platform()}. The image's layers can be mounted when written to another repository
   * of the same registry.
   *
   * @throws PlatformNotFoundException when {@code ref} is an index with no image for the platform;
   *     it lists those it has
   * @throws IOException as {@link #get}, or when the manifest is not an image or an index
   */
  public static Image image(Reference ref, RemoteOptions options) throws IOException {
    return RemoteReads.image(ref, options);
  }

  /**
   * The index {@code ref} points at, read lazily; children are fetched by digest when asked.
   *
   * @throws IOException as {@link #get}, or when the manifest is not an index
   */
  public static ImageIndex index(Reference ref, RemoteOptions options) throws IOException {
    return RemoteReads.index(ref, options);
  }

  /**
   * The blob {@code ref} names by digest (a layer or a config), streamed and checked against that
   * digest as it is read: a blob with other content fails at its end with a {@link
   * VerificationException} instead of ending. The caller closes the stream.
   *
   * @throws IOException when the registry refuses ({@code BLOB_UNKNOWN}, …)
   */
  public static InputStream blob(Digest ref, RemoteOptions options) throws IOException {
    return RemoteReads.blob(ref, options);
  }

  /**
   * Every tag of {@code repo}, in the registry's order, following {@code Link} pagination ({@link
   * RemoteOptions#pageSize()} per page).
   *
   * @throws IOException when the registry refuses, a page is not the expected JSON, or a {@code
   *     Link} points at another host or back at a page already read
   */
  public static List<String> list(Repository repo, RemoteOptions options) throws IOException {
    return RemoteReads.list(repo, options);
  }

  /**
   * Every repository of {@code registry}, in the registry's order, following pagination as {@link
   * #list} does.
   *
   * @throws IOException as {@link #list}; many registries refuse the catalog to anyone but an
   *     administrator
   */
  public static List<String> catalog(Registry registry, RemoteOptions options) throws IOException {
    return RemoteReads.catalog(registry, options);
  }

  /**
   * Deletes the manifest {@code ref} points at (most registries want a digest, not a tag).
   *
   * @throws IOException when the registry refuses, for example {@code UNSUPPORTED} when deletion is
   *     disabled
   */
  public static void delete(Reference ref, RemoteOptions options) throws IOException {
    RemoteReads.delete(ref, options);
  }

  /**
   * Copies the image or index (with every child) at {@code src} to {@code dst}, blob by blob from
   * registry to registry, mounting when both are on one registry; nothing is written to disk and
   * digests stay identical. The source's manifests are all fetched and checked first: a bad source
   * writes nothing.
   *
   * @throws IOException naming the source manifest that is bad, or the blob and step that failed
   *     while writing
   */
  public static void copy(Reference src, Reference dst, RemoteOptions options) throws IOException {
    RemoteReads.copy(src, dst, options);
  }
}
