package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Registry;
import dev.containerregistry.v1.Platform;
import dev.containerregistry.v1.remote.authn.Authenticator;
import dev.containerregistry.v1.remote.authn.Keychain;
import dev.containerregistry.v1.remote.transport.RetryPolicy;
import dev.containerregistry.v1.remote.transport.Transport;
import dev.containerregistry.v1.remote.transport.TransportConfig;
import dev.containerregistry.v1.remote.transport.Transports;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything the registry client can be told, each with its default in one place. Immutable;
 * callers change only what they need with {@link #builder()} or {@link #toBuilder()}.
 */
public final class RemoteOptions {

  /** Default number of blobs transferred at once. */
  public static final int DEFAULT_JOBS = 4;

  /** Default {@link #smallBlobLimit()}: 256 KiB. */
  public static final int DEFAULT_SMALL_BLOB_LIMIT = 256 * 1024;

  /** The largest {@link #smallBlobLimit()}, as such a blob is held in memory: 16 MiB. */
  public static final int MAX_SMALL_BLOB_LIMIT = 16 * 1024 * 1024;

  /** Default chunk size of {@link UploadMode#CHUNKED} uploads: 8 MiB. */
  public static final int DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024;

  private static final RemoteOptions DEFAULTS = new Builder().build();

  private final @Nullable Authenticator authenticator;
  private final @Nullable Keychain keychain;
  private final int jobs;
  private final RetryPolicy retry;
  private final ProgressListener progress;
  private final RegistryEventListener events;
  private final String userAgent;
  private final Transport transport;
  private final UploadMode uploadMode;
  private final int chunkSize;
  private final int smallBlobLimit;
  private final Platform platform;
  private final int pageSize;
  private final Set<String> allowedRealmHosts;

  private RemoteOptions(Builder b) {
    this.authenticator = b.authenticator;
    this.keychain = b.keychain;
    this.jobs = b.jobs;
    this.retry = b.retry;
    this.progress = b.progress;
    this.events = b.events;
    this.userAgent = b.userAgent;
    this.transport = b.transport;
    this.uploadMode = b.uploadMode;
    this.chunkSize = b.chunkSize;
    this.smallBlobLimit = b.smallBlobLimit;
    this.platform = b.platform;
    this.pageSize = b.pageSize;
    this.allowedRealmHosts = Set.copyOf(b.allowedRealmHosts);
  }

  /**
   * The defaults: credentials from {@link Keychain#defaultKeychain()}, {@value #DEFAULT_JOBS} jobs,
   * {@link RetryPolicy#defaults()}, no progress or event listener, streaming uploads, platform
   * {@code linux/amd64}, the JVM-wide pooled HTTP client.
   */
  public static RemoteOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The maximum number of blobs transferred at once. */
  public int jobs() {
    return jobs;
  }

  /** The retry policy. */
  public RetryPolicy retry() {
    return retry;
  }

  /** The progress listener of pushes, pulls and copies. */
  public ProgressListener progress() {
    return progress;
  }

  /** The listener told about each request, retry and blob transfer. */
  public RegistryEventListener events() {
    return events;
  }

  /** The {@code User-Agent}. */
  public String userAgent() {
    return userAgent;
  }

  /** The bottom transport that sends HTTP. */
  public Transport transport() {
    return transport;
  }

  /** How blob data is sent. */
  public UploadMode uploadMode() {
    return uploadMode;
  }

  /** The chunk size of {@link UploadMode#CHUNKED} uploads, in bytes. */
  public int chunkSize() {
    return chunkSize;
  }

  /**
   * The largest blob of known digest and size sent in one request, without asking first whether the
   * repository has it: {@code POST ?digest=} with the data (then {@code PUT ?digest=} with it, when
   * the registry opens a session instead). 0 turns this off.
   */
  public int smallBlobLimit() {
    return smallBlobLimit;
  }

  /** The platform picked when an image is asked of an index. */
  public Platform platform() {
    return platform;
  }

  /** The number of tags or repositories asked per page when listing; 0 lets the registry choose. */
  public int pageSize() {
    return pageSize;
  }

  /**
   * The transport configuration for {@code registry}: the explicit authenticator if one was given,
   * else the keychain's answer for the registry, asked only when the registry challenges.
   */
  TransportConfig transportConfig(Registry registry) {
    Authenticator auth = authenticator;
    if (auth == null) {
      Keychain chain = keychain;
      auth =
          () ->
              (chain != null ? chain : Keychain.defaultKeychain())
                  .resolve(registry)
                  .authorization();
    }
    TransportConfig.Builder config =
        TransportConfig.builder()
            .auth(auth)
            .retry(retry)
            .userAgent(userAgent)
            .transport(transport)
            .listener(events);
    allowedRealmHosts.forEach(config::allowRealmHost);
    return config.build();
  }

  /** Builds {@link RemoteOptions}; every setter rejects {@code null} and invalid values. */
  public static final class Builder {
    private @Nullable Authenticator authenticator;

    /** {@code null} until set: the default keychain, found only when a registry asks. */
    private @Nullable Keychain keychain;

    private int jobs = DEFAULT_JOBS;
    private RetryPolicy retry = RetryPolicy.defaults();
    private ProgressListener progress = ProgressListener.NONE;
    private RegistryEventListener events = RegistryEventListener.NONE;
    private String userAgent = TransportConfig.DEFAULT_USER_AGENT;
    private Transport transport = Transports.http();
    private UploadMode uploadMode = UploadMode.STREAMING;
    private int chunkSize = DEFAULT_CHUNK_SIZE;
    private int smallBlobLimit = DEFAULT_SMALL_BLOB_LIMIT;
    private Platform platform = Platform.of("linux", "amd64");
    private int pageSize;
    private final Set<String> allowedRealmHosts = new LinkedHashSet<>();

    private Builder() {}

    private Builder(RemoteOptions o) {
      authenticator = o.authenticator;
      keychain = o.keychain;
      jobs = o.jobs;
      retry = o.retry;
      progress = o.progress;
      events = o.events;
      userAgent = o.userAgent;
      transport = o.transport;
      uploadMode = o.uploadMode;
      chunkSize = o.chunkSize;
      smallBlobLimit = o.smallBlobLimit;
      platform = o.platform;
      pageSize = o.pageSize;
      allowedRealmHosts.addAll(o.allowedRealmHosts);
    }

    /** Fixed credentials for every registry; replaces the keychain. */
    public Builder auth(Authenticator value) {
      this.authenticator = Objects.requireNonNull(value, "authenticator");
      return this;
    }

    /** Where to find credentials per registry (default {@link Keychain#defaultKeychain()}). */
    public Builder keychain(Keychain value) {
      this.keychain = Objects.requireNonNull(value, "keychain");
      this.authenticator = null;
      return this;
    }

    /** The maximum number of blobs transferred at once, at least 1 (default 4). */
    public Builder jobs(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("jobs must be at least 1, got " + value);
      }
      this.jobs = value;
      return this;
    }

    /** The retry policy (default {@link RetryPolicy#defaults()}). */
    public Builder retry(RetryPolicy value) {
      this.retry = Objects.requireNonNull(value, "retry");
      return this;
    }

    /**
     * Receives the progress of each push, pull and copy (default none). A push or a copy reports
     * the bytes sent (a copy's reads are not counted again); a pull reports, per image, index or
     * blob stream it returned, the bytes read from the blobs opened so far.
     */
    public Builder progress(ProgressListener value) {
      this.progress = Objects.requireNonNull(value, "progress");
      return this;
    }

    /**
     * Is told about each HTTP request and its outcome, each retry with its reason, and each blob's
     * start, bytes and end, mounts and skips included (default {@link RegistryEventListener#NONE}).
     */
    public Builder events(RegistryEventListener value) {
      this.events = Objects.requireNonNull(value, "events");
      return this;
    }

    /** The {@code User-Agent} header. */
    public Builder userAgent(String value) {
      this.userAgent = Objects.requireNonNull(value, "userAgent");
      return this;
    }

    /**
     * The bottom transport that sends HTTP (default {@link Transports#http()}); wrap that one to
     * observe or change requests. It must not follow redirects.
     */
    public Builder transport(Transport value) {
      this.transport = Objects.requireNonNull(value, "transport");
      return this;
    }

    /** How blob data is sent (default {@link UploadMode#STREAMING}). */
    public Builder uploadMode(UploadMode value) {
      this.uploadMode = Objects.requireNonNull(value, "uploadMode");
      return this;
    }

    /**
     * Blobs up to this size, of known digest and not mountable, are sent in one request without a
     * {@code HEAD} first (default {@link #DEFAULT_SMALL_BLOB_LIMIT}; 0 turns it off, at most {@link
     * #MAX_SMALL_BLOB_LIMIT}).
     */
    public Builder smallBlobLimit(int value) {
      if (value < 0 || value > MAX_SMALL_BLOB_LIMIT) {
        throw new IllegalArgumentException(
            "smallBlobLimit must be 0 to " + MAX_SMALL_BLOB_LIMIT + " bytes, got " + value);
      }
      this.smallBlobLimit = value;
      return this;
    }

    /** The chunk size of {@link UploadMode#CHUNKED} uploads, at least 1 byte (default 8 MiB). */
    public Builder chunkSize(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("chunkSize must be at least 1 byte, got " + value);
      }
      this.chunkSize = value;
      return this;
    }

    /** The platform picked from an index (default {@code linux/amd64}). */
    public Builder platform(Platform value) {
      this.platform = Objects.requireNonNull(value, "platform");
      return this;
    }

    /**
     * The number of tags or repositories asked per page ({@code n=}) when listing, at least 0
     * (default 0: the registry's own page size). Every page is read either way.
     */
    public Builder pageSize(int value) {
      if (value < 0) {
        throw new IllegalArgumentException(
            "pageSize must be 0 (registry default) or more, got " + value);
      }
      this.pageSize = value;
      return this;
    }

    /**
     * Lets the token realm on {@code host} receive the credentials although it is neither the
     * registry's host nor in the registry's registrable domain; without it such a realm is refused
     * before anything is sent to it.
     */
    public Builder allowRealmHost(String host) {
      this.allowedRealmHosts.add(Objects.requireNonNull(host, "host"));
      return this;
    }

    /** The immutable options. */
    public RemoteOptions build() {
      return new RemoteOptions(this);
    }
  }
}
