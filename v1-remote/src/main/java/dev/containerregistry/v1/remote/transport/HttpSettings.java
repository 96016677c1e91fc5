package dev.containerregistry.v1.remote.transport;

import java.net.ProxySelector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * How the HTTP client at the bottom of a transport chain connects: timeouts, proxy, and which
 * certificates it trusts. Immutable; build with {@link #builder()}, use with {@link
 * Transports#http(HttpSettings)}.
 *
 * <p>Defaults: connect timeout {@value #DEFAULT_CONNECT_SECONDS} s; read timeout (no byte received
 * for that long) {@value #DEFAULT_READ_SECONDS} s; the JVM's proxy settings ({@link
 * Proxies#system()}: {@code -Dhttps.proxyHost}, {@code -Dhttp.nonProxyHosts}, …); the JVM's trust
 * store. Verification is never turned off: a custom {@link SSLContext} or a registry's CA file only
 * changes what is trusted.
 */
public final class HttpSettings {

  /** Default connect timeout in seconds. */
  public static final int DEFAULT_CONNECT_SECONDS = 30;

  /** Default read timeout in seconds. */
  public static final int DEFAULT_READ_SECONDS = 300;

  private static final HttpSettings DEFAULTS = builder().build();

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final @Nullable ProxySelector proxy;
  private final @Nullable SSLContext sslContext;
  private final @Nullable Path certificatesDirectory;

  private HttpSettings(Builder b) {
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.proxy = b.proxy;
    this.sslContext = b.sslContext;
    this.certificatesDirectory = b.certificatesDirectory;
  }

  /** The defaults. */
  public static HttpSettings defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** How long to wait for a connection to open. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long a response may send no byte before the request fails. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** The proxy selector; empty means the JVM's ({@link Proxies#system()}), asked per request. */
  public Optional<ProxySelector> proxy() {
    return Optional.ofNullable(proxy);
  }

  /** The TLS context; empty means the JVM's default trust. */
  public Optional<SSLContext> sslContext() {
    return Optional.ofNullable(sslContext);
  }

  /**
   * The directory of per-registry CA files, laid out as Docker's {@code /etc/docker/certs.d}:
   * {@code <dir>/<host[:port]>/ca.crt}, trusted for that registry in addition to the JVM's trust.
   */
  public Optional<Path> certificatesDirectory() {
    return Optional.ofNullable(certificatesDirectory);
  }

  /** Builds {@link HttpSettings}; every setter rejects {@code null} and invalid values. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(DEFAULT_CONNECT_SECONDS);
    private Duration readTimeout = Duration.ofSeconds(DEFAULT_READ_SECONDS);
    private @Nullable ProxySelector proxy;
    private @Nullable SSLContext sslContext;
    private @Nullable Path certificatesDirectory;

    private Builder() {}

    /** The connect timeout, positive (default {@value #DEFAULT_CONNECT_SECONDS} s). */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive(value, "connectTimeout");
      return this;
    }

    /**
     * The longest silence of a response before the request fails, positive (default {@value
     * #DEFAULT_READ_SECONDS} s).
     */
    public Builder readTimeout(Duration value) {
      this.readTimeout = positive(value, "readTimeout");
      return this;
    }

    /**
     * Which proxy each request goes through: {@link Proxies#system()} (the default), {@link
     * Proxies#fromEnvironment()}, {@link Proxies#of}, {@link Proxies#none()} or any selector.
     */
    public Builder proxy(ProxySelector value) {
      this.proxy = Objects.requireNonNull(value, "proxy");
      return this;
    }

    /** The TLS context to trust registries with (a private CA, a client certificate). */
    public Builder sslContext(SSLContext value) {
      this.sslContext = Objects.requireNonNull(value, "sslContext");
      return this;
    }

    /**
     * Trusts {@code <value>/<host[:port]>/ca.crt} for each registry that has one, as Docker does
     * with {@code /etc/docker/certs.d}; other registries keep the default trust.
     */
    public Builder certificatesDirectory(Path value) {
      this.certificatesDirectory = Objects.requireNonNull(value, "certificatesDirectory");
      return this;
    }

    /** The immutable settings. */
    public HttpSettings build() {
      return new HttpSettings(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + value);
      }
      return value;
    }
  }
}
