package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Digest;
import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Registry;
import dev.containerregistry.name.Repository;
import dev.containerregistry.name.Tag;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.IoSupplier;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.remote.transport.HttpSettings;
import dev.containerregistry.v1.remote.transport.RegistryCache;
import dev.containerregistry.v1.remote.transport.Transport;
import dev.containerregistry.v1.remote.transport.Transports;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A registry client that lives across calls: the operations of {@link Remote}, without the options
 * argument. Per registry it remembers the answer to the {@code /v2/} ping, the credentials (asked
 * of the keychain or authenticator once, asked again when the registry or its token server answers
 * {@code 401} to them) and bearer tokens per scope set (reused until shortly before their {@code
 * expires_in}, or until a {@code 401}). All its pushes share one pool of at most {@link
 * RemoteOptions#jobs()} worker threads, which exit when idle.
 *
 * <p>Thread-safe: one client serves any number of threads. Close it when done; calls after {@link
 * #close()} are refused, and images read earlier can still be read.
 *
 * <p>Failures are {@link dev.containerregistry.v1.remote.transport.TransportException}s naming the
 * registry, repository and step. A push whose thread is interrupted, or any call that outlives
 * {@link Builder#operationTimeout}, aborts its requests in flight, stops its workers and throws an
 * {@link java.io.InterruptedIOException}; nothing whose content did not all land is tagged.
 *
 * <pre>{@code
 * try (RegistryClient client = RegistryClient.create()) {
 *   for (Map.Entry<Tag, Image> e : images.entrySet()) {
 *     client.write(e.getKey(), e.getValue()); // one ping, one token for them all
 *   }
 * }
 * }</pre>
 */
public final class RegistryClient implements AutoCloseable {

  private static final AtomicInteger CLIENTS = new AtomicInteger();
  private static final long IDLE_WORKER_SECONDS = 30;

  private static final class Shared {
    static final RegistryClient INSTANCE = builder().build();
  }

  private final ClientContext context;
  private final ThreadPoolExecutor workers;
  private final @Nullable Closeable ownTransport;
  private final OperationDeadline deadline;
  private volatile boolean closed;

  private RegistryClient(Builder builder) {
    RemoteOptions options = builder.options;
    HttpSettings http = builder.http;
    if (http != null) {
      if (options.transport() != Transports.http()) {
        throw new IllegalStateException(
            "a RegistryClient takes either HTTP settings or a transport in its options, not both:"
                + " wrap Transports.http(settings) in your transport instead");
      }
      Transport own = Transports.http(http);
      this.ownTransport = (Closeable) own;
      options = options.toBuilder().transport(own).build();
    } else {
      this.ownTransport = null;
    }
    int client = CLIENTS.incrementAndGet();
    this.workers = workerPool(options.jobs(), client);
    this.deadline = new OperationDeadline(builder.operationTimeout, client);
    this.context =
        new ClientContext(options, new RemoteTransports(options, RegistryCache.create()), workers);
  }

  private static ThreadPoolExecutor workerPool(int jobs, int client) {
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            jobs,
            jobs,
            IDLE_WORKER_SECONDS,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            task -> {
              Thread thread =
                  new Thread(
                      task, "registry-client-" + client + "-worker-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** A client with {@link RemoteOptions#defaults()}. */
  public static RegistryClient create() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The client {@link Remote} uses for calls with {@link RemoteOptions#defaults()}: made on first
   * use, never closed (its idle workers exit on their own).
   */
  static RegistryClient shared() {
    return Shared.INSTANCE;
  }

  /** The options this client was built with. */
  public RemoteOptions options() {
    return context.options();
  }

  /**
   * Uploads one layer to {@code repo}, as {@link Remote#writeLayer}.
   *
   * @throws IOException naming the layer and the step that failed
   */
  public void writeLayer(Repository repo, Layer layer) throws IOException {
    run("writeLayer to " + repo, () -> Pushes.layer(repo, layer, open()));
  }

  /**
   * Pushes {@code image} and tags it {@code ref}, as {@link Remote#write}.
   *
   * @throws IOException naming the blob or manifest and the step that failed
   */
  public void write(Reference ref, Image image) throws IOException {
    run("write " + ref, () -> Pushes.write(Map.of(ref, image), open()));
  }

  /**
   * Pushes {@code index} with everything it holds, as {@link Remote#writeIndex}.
   *
   * @throws IOException naming the blob or manifest and the step that failed
   */
  public void writeIndex(Reference ref, ImageIndex index) throws IOException {
    run("writeIndex " + ref, () -> Pushes.write(Map.of(ref, index), open()));
  }

  /**
   * Pushes several images and indexes, as {@link Remote#multiWrite}.
   *
   * @throws IllegalArgumentException when a value is neither an image nor an index
   * @throws IOException naming the blob or manifest and the step that failed
   */
  public void multiWrite(Map<? extends Reference, ?> todo) throws IOException {
    run("multiWrite", () -> Pushes.write(todo, open()));
  }

  /**
   * Puts the manifest of {@code image} under {@code tag}, as {@link Remote#tag(Tag, Image,
   * RemoteOptions)}.
   *
   * @throws IOException naming the manifest when the registry refuses it
   */
  public void tag(Tag tag, Image image) throws IOException {
    put(tag, image);
  }

  /**
   * Puts the manifest of {@code index} under {@code tag}, as {@link Remote#tag(Tag, ImageIndex,
   * RemoteOptions)}.
   *
   * @throws IOException naming the manifest when the registry refuses it
   */
  public void tag(Tag tag, ImageIndex index) throws IOException {
    put(tag, index);
  }

  /**
   * Puts only the manifest of {@code image} under {@code ref}, as {@link Remote#put(Reference,
   * Image, RemoteOptions)}.
   *
   * @throws IllegalArgumentException when {@code ref} is a digest the manifest does not hash to
   * @throws IOException naming the manifest when the registry refuses it
   */
  public void put(Reference ref, Image image) throws IOException {
    run("put " + ref, () -> Pushes.manifest(ref, image.mediaType(), image.rawManifest(), open()));
  }

  /**
   * Puts only the manifest of {@code index} under {@code ref}, as {@link Remote#put(Reference,
   * ImageIndex, RemoteOptions)}.
   *
   * @throws IllegalArgumentException when {@code ref} is a digest the index does not hash to
   * @throws IOException naming the manifest when the registry refuses it
   */
  public void put(Reference ref, ImageIndex index) throws IOException {
    run("put " + ref, () -> Pushes.manifest(ref, index.mediaType(), index.rawManifest(), open()));
  }

  /**
   * The manifest or index {@code ref} points at, as {@link Remote#get}.
   *
   * @throws IOException when the registry refuses or the manifest is unusable
   */
  public FetchedManifest get(Reference ref) throws IOException {
    return call("get " + ref, () -> RemoteReads.get(ref, open()));
  }

  /**
   * The descriptor of what {@code ref} points at, as {@link Remote#head}.
   *
   * @throws IOException when the registry refuses
   */
  public Descriptor head(Reference ref) throws IOException {
    return call("head " + ref, () -> RemoteReads.head(ref, open()));
  }

  /**
   * The image {@code ref} points at, read lazily, as {@link Remote#image}.
   *
   * @throws PlatformNotFoundException when {@code ref} is an index with no image for the platform
   * @throws IOException when the registry refuses or the manifest is not an image or an index
   */
  public Image image(Reference ref) throws IOException {
    return call("image " + ref, () -> RemoteReads.image(ref, open()));
  }

  /**
   * The index {@code ref} points at, read lazily, as {@link Remote#index}.
   *
   * @throws IOException when the registry refuses or the manifest is not an index
   */
  public ImageIndex index(Reference ref) throws IOException {
    return call("index " + ref, () -> RemoteReads.index(ref, open()));
  }

  /**
   * The blob {@code ref} names by digest, streamed and verified as it is read, as {@link
   * Remote#blob}. The caller closes the stream.
   *
   * @throws IOException when the registry refuses ({@code BLOB_UNKNOWN}, …)
   */
  public InputStream blob(Digest ref) throws IOException {
    return call("blob " + ref, () -> RemoteReads.blob(ref, open()));
  }

  /**
   * Every tag of {@code repo}, as {@link Remote#list}.
   *
   * @throws IOException when the registry refuses or a page is malformed
   */
  public List<String> list(Repository repo) throws IOException {
    return call("list " + repo, () -> RemoteReads.list(repo, open()));
  }

  /**
   * Every repository of {@code registry}, as {@link Remote#catalog}.
   *
   * @throws IOException when the registry refuses or a page is malformed
   */
  public List<String> catalog(Registry registry) throws IOException {
    return call("catalog " + registry, () -> RemoteReads.catalog(registry, open()));
  }

  /**
   * Deletes the manifest {@code ref} points at, as {@link Remote#delete}.
   *
   * @throws IOException when the registry refuses
   */
  public void delete(Reference ref) throws IOException {
    run("delete " + ref, () -> RemoteReads.delete(ref, open()));
  }

  /**
   * Copies the image or index at {@code src} to {@code dst}, as {@link Remote#copy}.
   *
   * @throws IOException naming the source manifest that is bad, or the blob and step that failed
   */
  public void copy(Reference src, Reference dst) throws IOException {
    run("copy " + src + " to " + dst, () -> RemoteReads.copy(src, dst, open()));
  }

  /**
   * Stops the worker pool (transfers still running are interrupted), releases the connections of
   * the HTTP client it made from {@link Builder#http} (images read earlier cannot be read after
   * that; with the default transport they still can) and refuses further calls. Idempotent.
   *
   * @throws UncheckedIOException when the HTTP client fails to close
   */
  @Override
  public void close() {
    closed = true;
    workers.shutdownNow();
    deadline.close();
    Closeable own = ownTransport;
    if (own != null) {
      try {
        own.close();
      } catch (IOException e) {
        throw new UncheckedIOException("closing the HTTP client of a RegistryClient", e);
      }
    }
  }

  private <T> T call(String what, IoSupplier<T> operation) throws IOException {
    return deadline.run(what, operation);
  }

  private void run(String what, IoRunnable operation) throws IOException {
    deadline.run(
        what,
        () -> {
          operation.run();
          return Boolean.TRUE; // no result
        });
  }

  /** An operation without a result. */
  @FunctionalInterface
  private interface IoRunnable {
    void run() throws IOException;
  }

  /** What this client's operations work with; for the classes of this package. */
  ClientContext context() {
    return open();
  }

  private ClientContext open() {
    if (closed) {
      throw new IllegalStateException("this RegistryClient is closed");
    }
    return context;
  }

  /** Builds a {@link RegistryClient}. */
  public static final class Builder {
    private RemoteOptions options = RemoteOptions.defaults();
    private @Nullable HttpSettings http;
    private @Nullable Duration operationTimeout;

    private Builder() {}

    /**
     * The longest any one call of the client may take (default: none, a call takes as long as its
     * requests do, each bounded by the read timeout). A call that outlives it has its requests
     * aborted and its workers stopped, and throws an {@link java.io.InterruptedIOException}; a push
     * stopped so has tagged nothing that was not complete. It bounds the call itself, not reading
     * the streams of an image it returned.
     */
    public Builder operationTimeout(Duration value) {
      Objects.requireNonNull(value, "operationTimeout");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("operationTimeout must be positive, got " + value);
      }
      this.operationTimeout = value;
      return this;
    }

    /**
     * How the client's own HTTP client connects: timeouts, proxy, trusted certificates (default
     * {@link HttpSettings#defaults()} through the JVM-wide shared client, which honours the JVM's
     * proxy settings). With this set the client makes its own pooled HTTP client and closes it with
     * itself; the options must then keep their default transport.
     */
    public Builder http(HttpSettings value) {
      this.http = Objects.requireNonNull(value, "http");
      return this;
    }

    /**
     * What the client's calls use (credentials, jobs, retries, progress, platform, bottom
     * transport, …); default {@link RemoteOptions#defaults()}. The client keeps these for its whole
     * life.
     */
    public Builder options(RemoteOptions value) {
      this.options = Objects.requireNonNull(value, "options");
      return this;
    }

    /** A new client; close it when done. */
    public RegistryClient build() {
      return new RegistryClient(this);
    }
  }
}
