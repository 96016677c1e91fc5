package dev.containerregistry.v1.remote.transport;

import dev.containerregistry.v1.remote.authn.Authenticator;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What an authenticated transport is built from: the credentials, the retry policy, the {@code
 * User-Agent}, the listener told about each request, and the bottom transport that does the HTTP
 * (by default one pooled Apache HttpClient shared by the JVM). Immutable; build with {@link
 * #builder()}.
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

  private final Authenticator auth;
  private final RetryPolicy retry;
  private final String userAgent;
  private final Transport transport;
  private final TransportListener listener;
  private final Set<String> allowedRealmHosts;

  private TransportConfig(Builder builder) {
    this.auth = builder.auth;
    this.retry = builder.retry;
    this.userAgent = builder.userAgent;
    this.transport = builder.transport;
    this.listener = builder.listener;
    this.allowedRealmHosts = Set.copyOf(builder.allowedRealmHosts);
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
  public Authenticator auth() {
    return auth;
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
  public Transport transport() {
    return transport;
  }

  /** Who is told about each request and retry. */
  public TransportListener listener() {
    return listener;
  }

  /**
   * Token realm hosts (lower case) that may receive the credentials although they are neither the
   * registry's host nor in its registrable domain.
   */
  public Set<String> allowedRealmHosts() {
    return allowedRealmHosts;
  }

  /** Builds a {@link TransportConfig}; every setter rejects {@code null}. */
  public static final class Builder {
    private Authenticator auth = Authenticator.anonymous();
    private RetryPolicy retry = RetryPolicy.defaults();
    private String userAgent = DEFAULT_USER_AGENT;
    private Transport transport = HttpClientTransport.shared();
    private TransportListener listener = TransportListener.NONE;
    private final Set<String> allowedRealmHosts = new LinkedHashSet<>();

    private Builder() {}

    /** The credentials to present when the registry asks (default anonymous). */
    public Builder auth(Authenticator value) {
      this.auth = Objects.requireNonNull(value, "auth");
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
    public Builder transport(Transport value) {
      this.transport = Objects.requireNonNull(value, "transport");
      return this;
    }

    /**
     * Who is told about each request sent and each retry (default {@link TransportListener#NONE}).
     */
    public Builder listener(TransportListener value) {
      this.listener = Objects.requireNonNull(value, "listener");
      return this;
    }

    /**
     * Lets a token realm on {@code host} receive the credentials although it is neither the
     * registry's host nor in the registry's registrable domain (a registry whose token service
     * lives under another domain). Without it such a realm is refused.
     */
    public Builder allowRealmHost(String host) {
      this.allowedRealmHosts.add(RealmTrust.normalize(Objects.requireNonNull(host, "host")));
      return this;
    }

    /** The immutable configuration. */
    public TransportConfig build() {
      return new TransportConfig(this);
    }
  }
}
