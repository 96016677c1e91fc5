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
 * The registry client's entry points as static one-liners: push ({@code writeLayer}, {@code write},
 * {@code writeIndex}, {@code multiWrite}, {@code tag}, {@code put}), pull ({@code get}, {@code
 * head}, {@code image}, {@code index}, {@code blob}), {@code list}, {@code catalog}, {@code delete}
 * and {@code copy}. Each call takes a reference and {@link RemoteOptions} (credentials, jobs,
 * retries, progress, platform) and runs the same operation of a {@link RegistryClient}: with {@link
 * RemoteOptions#defaults()}, of one shared client that keeps pings, credentials and tokens across
 * calls; with other options, of a client made for that call alone (it pings, resolves credentials
 * and fetches tokens afresh). Code that makes many calls should hold its own {@link
 * RegistryClient}. Every call is thread-safe.
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

  /** One operation of a client. */
  @FunctionalInterface
  private interface Call<T> {
    T on(RegistryClient client) throws IOException;
  }

  /** One operation of a client that returns nothing. */
  @FunctionalInterface
  private interface Action {
    void on(RegistryClient client) throws IOException;
  }

  /** Runs {@code call} on the shared client for the defaults, else on a client for this call. */
  private static <T> T call(RemoteOptions options, Call<T> call) throws IOException {
    if (options == RemoteOptions.defaults()) {
      return call.on(RegistryClient.shared());
    }
    try (RegistryClient client = RegistryClient.builder().options(options).build()) {
      return call.on(client);
    }
  }

  private static void with(RemoteOptions options, Action action) throws IOException {
    call(
        options,
        client -> {
          action.on(client);
          return Boolean.TRUE;
        });
  }

  /**
   * Uploads one layer to {@code repo} (skipped if present, mounted if the layer knows another
   * repository of the same registry). A stream layer is read once, as it is sent.
   *
   * @throws IOException naming the layer and the step that failed
   */
  public static void writeLayer(Repository repo, Layer layer, RemoteOptions options)
      throws IOException {
    with(options, c -> c.writeLayer(repo, layer));
  }

  /**
   * Pushes {@code image}: its layers (concurrently, up to {@code jobs}), then its config, then its
   * manifest under {@code ref}.
   *
   * @throws IOException naming the blob or manifest and the step that failed
   */
  public static void write(Reference ref, Image image, RemoteOptions options) throws IOException {
    with(options, c -> c.write(ref, image));
  }

  /**
   * Pushes {@code index} with every image and index it holds (children by digest), then the index
   * manifest under {@code ref}.
   *
   * @throws IOException naming the blob or manifest and the step that failed
   */
  public static void writeIndex(Reference ref, ImageIndex index, RemoteOptions options)
      throws IOException {
    with(options, c -> c.writeIndex(ref, index));
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
    with(options, c -> c.multiWrite(todo));
  }

  /**
   * Puts the manifest of {@code image}, whose blobs the repository already holds, under {@code
   * tag}.
   *
   * @throws IOException naming the manifest when the registry refuses it (for example {@code
   *     MANIFEST_BLOB_UNKNOWN} when a blob is missing)
   */
  public static void tag(Tag tag, Image image, RemoteOptions options) throws IOException {
    with(options, c -> c.tag(tag, image));
  }

  /**
   * Puts the manifest of {@code index}, whose children the repository already holds, under {@code
   * tag}.
   *
   * @throws IOException naming the manifest when the registry refuses it
   */
  public static void tag(Tag tag, ImageIndex index, RemoteOptions options) throws IOException {
    with(options, c -> c.tag(tag, index));
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
    with(options, c -> c.put(ref, image));
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
    with(options, c -> c.put(ref, index));
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
    return call(options, c -> c.get(ref));
  }

  /**
   * The descriptor (media type, size, digest) of what {@code ref} points at, from a {@code HEAD}
   * when the registry sends those headers, else from a {@code GET}.
   *
   * @throws VerificationException when {@code ref} is a digest the registry reports another for
   * @throws IOException when the registry refuses or the manifest is Docker schema 1
   */
  public static Descriptor head(Reference ref, RemoteOptions options) throws IOException {
    return call(options, c -> c.head(ref));
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
    return call(options, c -> c.image(ref));
  }

  /**
   * The index {@code ref} points at, read lazily; children are fetched by digest when asked.
   *
   * @throws IOException as {@link #get}, or when the manifest is not an index
   */
  public static ImageIndex index(Reference ref, RemoteOptions options) throws IOException {
    return call(options, c -> c.index(ref));
  }

  /**
   * The blob {@code ref} names by digest (a layer or a config), streamed and checked against that
   * digest as it is read: a blob with other content fails at its end with a {@link
   * VerificationException} instead of ending. The caller closes the stream.
   *
   * @throws IOException when the registry refuses ({@code BLOB_UNKNOWN}, …)
   */
  public static InputStream blob(Digest ref, RemoteOptions options) throws IOException {
    return call(options, c -> c.blob(ref));
  }

  /**
   * Every tag of {@code repo}, in the registry's order, following {@code Link} pagination ({@link
   * RemoteOptions#pageSize()} per page).
   *
   * @throws IOException when the registry refuses, a page is not the expected JSON, or a {@code
   *     Link} points at another host or back at a page already read
   */
  public static List<String> list(Repository repo, RemoteOptions options) throws IOException {
    return call(options, c -> c.list(repo));
  }

  /**
   * Every repository of {@code registry}, in the registry's order, following pagination as {@link
   * #list} does.
   *
   * @throws IOException as {@link #list}; many registries refuse the catalog to anyone but an
   *     administrator
   */
  public static List<String> catalog(Registry registry, RemoteOptions options) throws IOException {
    return call(options, c -> c.catalog(registry));
  }

  /**
   * Deletes the manifest {@code ref} points at (most registries want a digest, not a tag).
   *
   * @throws IOException when the registry refuses, for example {@code UNSUPPORTED} when deletion is
   *     disabled
   */
  public static void delete(Reference ref, RemoteOptions options) throws IOException {
    with(options, c -> c.delete(ref));
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
    with(options, c -> c.copy(src, dst));
  }
}
