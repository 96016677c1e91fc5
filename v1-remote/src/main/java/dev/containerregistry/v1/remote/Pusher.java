package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.ComputedOnRead;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.IoSupplier;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.partial.StaticLayer;
import dev.containerregistry.v1.remote.transport.Transport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;

/**
 * Pushes images, indexes and layers to one repository. Blob transfers run on the client's worker
 * pool (at most {@code jobs} threads for all pushes of the client); each blob is transferred once
 * however many images or tags share it (stream layers are told apart by identity); an image's
 * config goes up beside its layers, or after them when one of them computes its digest while it is
 * read (the config names it), and every manifest after everything it references.
 */
final class Pusher implements AutoCloseable {

  private final Repository repo;
  private final BlobUploader uploader;
  private final ManifestPutter manifests;
  private final ProgressTracker progress;
  private final PushTasks executor;
  private final ConcurrentMap<Object, CompletableFuture<BlobEvent>> blobs =
      new ConcurrentHashMap<>();

  private final ConcurrentMap<Hash, CompletableFuture<Hash>> children = new ConcurrentHashMap<>();

  /** Fails with the first blob failure, so that {@link #await} stops the push at once. */
  private final CompletableFuture<Void> firstFailure = new CompletableFuture<>();

  private Pusher(
      Repository repo, Transport transport, ClientContext client, ProgressTracker progress) {
    RemoteOptions options = client.options();
    this.repo = repo;
    this.progress = progress;
    DataSender sender =
        options.uploadMode() == UploadMode.CHUNKED
            ? new ChunkedSender(transport, options.chunkSize(), options.retry())
            : new StreamingSender(transport);
    this.uploader =
        new BlobUploader(
            repo,
            new BlobExistence(transport, repo),
            new UploadSession(transport, repo),
            sender,
            new UploadCommit(transport, new BlobExistence(transport, repo)),
            progress,
            options.retry(),
            options.smallBlobLimit());
    this.manifests = new ManifestPutter(transport);
    this.executor = new PushTasks(client.workers());
  }

  /**
   * A pusher for {@code repo}, authenticated to push there and to pull from {@code mountSources}.
   */
  static Pusher open(
      Repository repo,
      Collection<Repository> mountSources,
      ClientContext client,
      ProgressTracker progress)
      throws IOException {
    return new Pusher(repo, client.transports().push(repo, mountSources), client, progress);
  }

  /** The repositories the layers of {@code image} can be mounted from. */
  static List<Repository> mountSources(Image image) throws IOException {
    List<Repository> sources = new ArrayList<>();
    for (Layer layer : image.layers()) {
      if (layer instanceof MountableLayer mountable) {
        sources.add(mountable.sourceRepository());
      }
    }
    return sources;
  }

  /**
   * The repositories the blobs of {@code index} can be mounted from: the index's own, when it was
   * read from a registry (its children and their layers are in the same repository).
   */
  static List<Repository> mountSources(ImageIndex index) {
    return index instanceof RemoteIndex remote ? List.of(remote.repository()) : List.of();
  }

  /** Schedules one blob, unless it is already scheduled. */
  CompletableFuture<BlobEvent> blob(Layer layer, String role) {
    PushBlob blob;
    try {
      blob = PushBlob.of(layer, role);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    Object key = blob.knownDigest().<Object>map(d -> d).orElseGet(() -> new Identity(layer));
    return blobs.computeIfAbsent(
        key,
        k -> {
          if (blob.knownSize() >= 0) {
            progress.expect(blob.knownSize());
          }
          CompletableFuture<BlobEvent> upload =
              CompletableFuture.supplyAsync(() -> unchecked(() -> uploader.upload(blob)), executor);
          return upload.whenComplete(
              (done, failure) -> {
                if (failure != null) {
                  firstFailure.completeExceptionally(failure);
                }
              });
        });
  }

  /** Schedules {@code image}: its layers, then its config, then its manifest under {@code ref}. */
  CompletableFuture<Hash> image(Image image, Reference ref) {
    List<Layer> layers;
    try {
      layers = image.layers();
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    List<CompletableFuture<?>> uploads = new ArrayList<>();
    layers.forEach(layer -> uploads.add(blob(layer, "layer")));
    CompletableFuture<?> layersDone =
        CompletableFuture.allOf(uploads.toArray(CompletableFuture[]::new));
    CompletableFuture<?> configReady =
        layers.stream().anyMatch(Pusher::computedOnRead)
            ? layersDone
            : CompletableFuture.completedFuture(null);
    uploads.add(
        configReady.thenComposeAsync(
            ready -> blob(unchecked(() -> config(image, layers)), "config"), executor));
    return CompletableFuture.allOf(uploads.toArray(CompletableFuture[]::new))
        .thenApplyAsync(
            done -> unchecked(() -> manifests.put(ref, image.mediaType(), image.rawManifest())),
            executor);
  }

  /**
   * Schedules {@code index}: every child (by digest), then the index manifest under {@code ref}.
   */
  CompletableFuture<Hash> index(ImageIndex index, Reference ref) {
    List<CompletableFuture<Hash>> children = new ArrayList<>();
    try {
      for (Descriptor child : index.indexManifest().manifests()) {
        children.add(child(index, child));
      }
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    return CompletableFuture.allOf(children.toArray(CompletableFuture[]::new))
        .thenApplyAsync(
            done -> unchecked(() -> manifests.put(ref, index.mediaType(), index.rawManifest())),
            executor);
  }

  /** Schedules a child once per digest, however often indexes of the push list it. */
  private CompletableFuture<Hash> child(ImageIndex index, Descriptor child) throws IOException {
    CompletableFuture<Hash> scheduled = children.get(child.digest());
    if (scheduled != null) {
      return scheduled;
    }
    CompletableFuture<Hash> fresh = schedule(index, child);
    CompletableFuture<Hash> raced = children.putIfAbsent(child.digest(), fresh);
    return raced == null ? fresh : raced;
  }

  private CompletableFuture<Hash> schedule(ImageIndex index, Descriptor child) throws IOException {
    Reference byDigest = repo.digest(child.digest().toString());
    if (child.mediaType().isIndex()) {
      return index(index.imageIndex(child.digest()), byDigest);
    }
    if (child.mediaType().isImage()) {
      return image(index.image(child.digest()), byDigest);
    }
    throw new IllegalArgumentException(
        "index child "
            + child.digest()
            + " has media type "
            + child.mediaType()
            + ", neither an image nor an index; it cannot be pushed");
  }

  /** Puts only a manifest, for a tag or a reference to content already in place. */
  Hash manifest(Reference ref, MediaType mediaType, byte[] raw) throws IOException {
    return manifests.put(ref, mediaType, raw);
  }

  /**
   * Waits for {@code work}; at the first failure of any blob or of {@code work} stops every
   * transfer still running (their threads are interrupted) and throws that error. An interrupt of
   * the waiting thread stops them too.
   *
   * @throws InterruptedIOException when the waiting thread is interrupted (its flag is set again)
   */
  <T> T await(CompletableFuture<T> work) throws IOException {
    try {
      CompletableFuture.anyOf(work, firstFailure).get();
      return work.get();
    } catch (InterruptedException e) {
      executor.cancelAll();
      Thread.currentThread().interrupt();
      InterruptedIOException stopped =
          new InterruptedIOException("interrupted while pushing to " + repo);
      stopped.initCause(e);
      throw stopped;
    } catch (ExecutionException e) {
      executor.cancelAll();
      Throwable cause =
          e.getCause() instanceof UncheckedIOException io ? io.getCause() : e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException("pushing to " + repo + " failed", cause);
    }
  }

  @Override
  public void close() {
    executor.cancelAll();
  }

  /** True for a layer whose digest, and so the image's config, exists only once it was read. */
  private static boolean computedOnRead(Layer layer) {
    return layer instanceof ComputedOnRead lazy && !lazy.computed();
  }

  /**
   * The config blob as a layer; mountable from where the image's layers come from, since a registry
   * keeps an image's config in the repository of its layers.
   */
  private static Layer config(Image image, List<Layer> layers) throws IOException {
    Layer config = StaticLayer.of(image.rawConfigFile(), image.manifest().config().mediaType());
    for (Layer layer : layers) {
      if (layer instanceof MountableLayer mountable) {
        return MountableLayer.of(config, mountable.sourceRepository());
      }
    }
    return config;
  }

  private static <T> T unchecked(IoSupplier<T> work) {
    try {
      return work.get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keys a stream layer (no digest yet) by object identity. */
  private record Identity(Layer layer) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Identity other && other.layer == layer;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(layer);
    }
  }
}
