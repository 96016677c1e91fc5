package dev.containerregistry.v1.remote.transport;

import dev.containerregistry.v1.remote.authn.Authenticator;
import java.util.Objects;

/**
 * What an authenticated transport is built from: the credentials, the retry policy, the {@code
 * User-Agent} and the bottom transport that does the HTTP (by default one pooled Apache HttpClient
 * shared by the JVM). Immutable; build with {@link #builder()}.
 */
public final class TransportConfig {

  /**
   * The {@code User-Agent} sent unless another is configured: {@code containerregistry-java/} and
   * the {@code Implementation-Version} of the v1-remote jar ({@code dev} when not run from a jar).
   */
  public static final String DEFAULT_USER_AGENT = "containerregistry-java/" + sdkVersion();

  private static final TransportConfig DEFAULTS = builder().build();

  private static String sdkVersion() {
    String version = TransportConfig.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  private final Authenticator authenticator;
  private final RetryPolicy retry;
  private final String userAgent;
  private final Transport base;

  private TransportConfig(Builder builder) {
    this.authenticator = builder.authenticator;
    this.retry = builder.retry;
    this.userAgent = builder.userAgent;
    this.base = builder.base;
  }

  /** Anonymous, default retries, default user agent, the shared HTTP client. */
  public static TransportConfig defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Who to authenticate as. */
  public Authenticator authenticator() {
    return authenticator;
  }

  /** When to retry. */
  public RetryPolicy retry() {
    return retry;
  }

  /** The {@code User-Agent} header value. */
  public String userAgent() {
    return userAgent;
  }

  /** The transport that sends HTTP, below redirects, auth and retries. */
  public Transport base() {
    return base;
  }

  /** Builds a {@link TransportConfig}; every setter rejects {@code null}. */
  public static final class Builder {
    private Authenticator authenticator = Authenticator.anonymous();
    private RetryPolicy retry = RetryPolicy.defaults();
    private String userAgent = DEFAULT_USER_AGENT;
    private Transport base = HttpClientTransport.shared();

    private Builder() {}

    /** The credentials to present when the registry asks (default anonymous). */
    public Builder authenticator(Authenticator value) {
      this.authenticator = Objects.requireNonNull(value, "authenticator");
      return this;
    }

    /** The retry policy (default {@link RetryPolicy#defaults()}). */
    public Builder retry(RetryPolicy value) {
      this.retry = Objects.requireNonNull(value, "retry");
      return this;
    }

    /** The {@code User-Agent} (default {@link #DEFAULT_USER_AGENT}). */
    public Builder userAgent(String value) {
      this.userAgent = Objects.requireNonNull(value, "userAgent");
      return this;
    }

    /**
     * The bottom transport (default {@link Transports#http()}): wrap it to add metrics or headers,
     * or replace it with another HTTP client. It must not follow redirects itself.
     */
    public Builder base(Transport value) {
      this.base = Objects.requireNonNull(value, "base");
      return this;
    }

    /** The immutable configuration. */
    public TransportConfig build() {
      return new TransportConfig(this);
    }
  }
}
