package dev.containerregistry.testing;

import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Registry;
import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.layout.Layout;
import dev.containerregistry.v1.remote.RegistryClient;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.remote.authn.Authenticator;
import dev.containerregistry.v1.remote.authn.DockerConfigFile;
import dev.containerregistry.v1.remote.transport.Transports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.HttpWaitStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * A {@code registry:2} container for tests, with deletion enabled and its port mapped so the host
 * can push: optionally basic or token auth ({@link #withAuth(Auth)}) and TLS with a generated CA
 * ({@link #withTls()}). Once started it hands out references to itself and {@link #options()} /
 * {@link #client()} that already hold its credentials and trust.
 *
 * <pre>{@code
 * try (RegistryContainer registry = new RegistryContainer().withAuth(Auth.TOKEN)) {
 *   registry.start();
 *   Remote.write(registry.reference("app:1"), image, registry.options());
 * }
 * }</pre>
 *
 * <p>Without users given, a registry with auth has two: {@code pusher} (pull, push, delete) and
 * {@code puller} (pull only; only token auth enforces the difference), with random passwords.
 *
 * <p>A TLS registry is named {@value #TLS_HOST} in references (so that they use https); that name
 * resolves nowhere, and {@link #options()} sends its requests to {@code localhost}, which the
 * server certificate also names. External tools reach it at {@code localhost:<port>} ({@link
 * #localHostPort()}), trusting {@link #caCertificatePem()}.
 */
public class RegistryContainer extends GenericContainer<RegistryContainer> {
  /** {@code registry:2}, the image used unless another is given. */
  public static final DockerImageName DEFAULT_IMAGE = DockerImageName.parse("registry:2");

  /** The host name of a TLS registry in references; it is never looked up in DNS. */
  public static final String TLS_HOST = "tls-registry.test";

  /** The registry's port inside the container. */
  public static final int PORT = 5000;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Auth auth = Auth.NONE;
  private boolean tls;
  private final List<RegistryUser> users = new ArrayList<>();
  private final List<AutoCloseable> resources = new ArrayList<>();
  private @Nullable TokenServer tokens;
  private @Nullable KeyAndCertificate ca;
  private @Nullable SSLContext sslContext;
  private @Nullable LoopbackAlias tlsTransport;
  private @Nullable FaultProxy faultProxy;
  private @Nullable RegistryClient seeder;

  /** A container of {@link #DEFAULT_IMAGE}. */
  public RegistryContainer() {
    this(DEFAULT_IMAGE);
  }

  /** A container of {@code image}, which must behave as {@code registry:2}. */
  public RegistryContainer(DockerImageName image) {
    super(image);
    withExposedPorts(PORT);
    withEnv("REGISTRY_STORAGE_DELETE_ENABLED", "true");
  }

  /** Demands credentials in {@code mode}; default {@link Auth#NONE}. */
  public RegistryContainer withAuth(Auth mode) {
    this.auth = Objects.requireNonNull(mode, "mode");
    if (mode != Auth.NONE && users.isEmpty()) {
      users.add(RegistryUser.pusher("pusher", randomPassword()));
      users.add(RegistryUser.puller("puller", randomPassword()));
    }
    return self();
  }

  /**
   * Uses {@code users} instead of the default {@code pusher} and {@code puller}; the first one is
   * the user of {@link #options()}.
   */
  public RegistryContainer withUsers(RegistryUser... given) {
    users.clear();
    users.addAll(List.of(given));
    return self();
  }

  /** Serves https only, with a server certificate issued by a CA generated for this container. */
  public RegistryContainer withTls() {
    this.tls = true;
    return self();
  }

  /** The auth mode. */
  public Auth auth() {
    return auth;
  }

  /** True when the registry serves https. */
  public boolean tls() {
    return tls;
  }

  /** The users who may log in; empty for {@link Auth#NONE}. */
  public List<RegistryUser> users() {
    return auth == Auth.NONE ? List.of() : List.copyOf(users);
  }

  /** The user called {@code name}. */
  public RegistryUser user(String name) {
    return users().stream()
        .filter(u -> u.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no user '" + name + "'; users: " + users()));
  }

  @Override
  protected void configure() {
    if (auth != Auth.NONE && users.isEmpty()) {
      throw new IllegalStateException("a registry with " + auth + " auth needs at least one user");
    }
    if (tls && auth == Auth.TOKEN) {
      throw new IllegalStateException(
          "TLS with token auth is not supported: the token server serves plain http on loopback,"
              + " which clients refuse as the realm of a TLS registry; use BASIC or NONE with TLS");
    }
    HttpWaitStrategy ready = Wait.forHttp("/v2/").forStatusCodeMatching(s -> s == 200 || s == 401);
    if (tls) {
      configureTls();
      ready = ready.usingTls().allowInsecure();
    }
    waitingFor(ready.withStartupTimeout(Duration.ofSeconds(60)));
    if (auth == Auth.BASIC) {
      withEnv("REGISTRY_AUTH", "htpasswd");
      withEnv("REGISTRY_AUTH_HTPASSWD_REALM", "test-registry");
      withEnv("REGISTRY_AUTH_HTPASSWD_PATH", "/auth/htpasswd");
      withCopyToContainer(Transferable.of(Htpasswd.file(users)), "/auth/htpasswd");
    } else if (auth == Auth.TOKEN) {
      configureTokens();
    }
  }

  private void configureTls() {
    KeyAndCertificate authority = Certificates.selfSigned("registry-testing CA", true);
    KeyAndCertificate server =
        Certificates.server(authority, List.of(TLS_HOST, "localhost"), List.of("127.0.0.1"));
    this.ca = authority;
    this.sslContext = TrustedCa.sslContext(authority.certificate());
    withEnv("REGISTRY_HTTP_TLS_CERTIFICATE", "/certs/server.pem");
    withEnv("REGISTRY_HTTP_TLS_KEY", "/certs/server-key.pem");
    withCopyToContainer(Transferable.of(server.certificatePem()), "/certs/server.pem");
    withCopyToContainer(Transferable.of(server.privateKeyPem()), "/certs/server-key.pem");
  }

  private void configureTokens() {
    try {
      TokenServer server = new TokenServer(users);
      resources.add(server);
      this.tokens = server;
      withEnv("REGISTRY_AUTH", "token");
      withEnv("REGISTRY_AUTH_TOKEN_REALM", server.realm());
      withEnv("REGISTRY_AUTH_TOKEN_SERVICE", TokenServer.SERVICE);
      withEnv("REGISTRY_AUTH_TOKEN_ISSUER", TokenServer.ISSUER);
      withEnv("REGISTRY_AUTH_TOKEN_ROOTCERTBUNDLE", "/auth/token-cert.pem");
      withCopyToContainer(Transferable.of(server.certificatePem()), "/auth/token-cert.pem");
    } catch (IOException e) {
      throw new UncheckedIOException("starting the token server", e);
    }
  }

  /** Starts the container; on failure everything started with it is released. */
  @Override
  public void start() {
    try {
      super.start();
    } catch (RuntimeException e) {
      releaseResources();
      throw e;
    }
  }

  /** Stops the container and the token server, fault proxy and clients that came with it. */
  @Override
  public void stop() {
    try {
      super.stop();
    } finally {
      releaseResources();
    }
  }

  private void releaseResources() {
    List<AutoCloseable> toClose = new ArrayList<>(resources);
    resources.clear();
    for (AutoCloseable resource : toClose) {
      try {
        resource.close();
      } catch (Exception ignored) {
        // a test resource that failed to close holds nothing the next test needs
      }
    }
    tokens = null;
    tlsTransport = null;
    faultProxy = null;
    seeder = null;
  }

  /** The registry's mapped port on the host. */
  public int port() {
    return getMappedPort(PORT);
  }

  /**
   * The registry part of references to it: {@code localhost:<port>}, or {@value #TLS_HOST}{@code
   * :<port>} with TLS.
   */
  public String hostPort() {
    return (tls ? TLS_HOST : getHost()) + ":" + port();
  }

  /** {@code <docker host>:<port>}, the address that external tools and plain HTTP clients use. */
  public String localHostPort() {
    return getHost() + ":" + port();
  }

  /** {@code http://localhost:<port>} or, with TLS, {@code https://localhost:<port>}. */
  public URI baseUri() {
    return URI.create((tls ? "https://" : "http://") + localHostPort());
  }

  /** {@code repository:tag} or {@code repository@digest} on this registry. */
  public Reference reference(String repositoryAndTag) {
    return Reference.parse(hostPort() + "/" + repositoryAndTag);
  }

  /** {@code <hostPort>/<repositoryAndTag>} as text, for command-line tools such as skopeo. */
  public String ref(String repositoryAndTag) {
    return hostPort() + "/" + repositoryAndTag;
  }

  /** The repository {@code path} on this registry. */
  public Repository repository(String path) {
    return Repository.parse(hostPort() + "/" + path);
  }

  /**
   * Options for the first user (none for {@link Auth#NONE}), trusting the registry's CA when it
   * serves TLS. The user's own keychain is never consulted.
   */
  public RemoteOptions options() {
    return auth == Auth.NONE ? options(null) : options(users.get(0));
  }

  /** Options that log in as {@code user}, trusting the registry's CA when it serves TLS. */
  public RemoteOptions options(@Nullable RegistryUser user) {
    RemoteOptions.Builder options =
        RemoteOptions.builder()
            .auth(
                user == null
                    ? Authenticator.anonymous()
                    : Authenticator.basic(user.name(), user.password()));
    if (tls) {
      options.transport(tlsTransport());
    }
    return options.build();
  }

  /** A new client with {@link #options()}; close it when done. */
  public RegistryClient client() {
    return RegistryClient.builder().options(options()).build();
  }

  /** A new client with {@link #options(RegistryUser)}; close it when done. */
  public RegistryClient client(RegistryUser user) {
    return RegistryClient.builder().options(options(user)).build();
  }

  private synchronized LoopbackAlias tlsTransport() {
    if (tlsTransport == null) {
      LoopbackAlias alias =
          new LoopbackAlias(TLS_HOST, getHost(), Transports.http(requireSslContext()));
      resources.add(alias);
      tlsTransport = alias;
    }
    return tlsTransport;
  }

  /** A TLS context trusting the registry's CA (and nothing else). */
  public SSLContext sslContext() {
    return requireSslContext();
  }

  private SSLContext requireSslContext() {
    if (sslContext == null) {
      throw new IllegalStateException("the registry serves TLS only after withTls() and start()");
    }
    return sslContext;
  }

  /** The PEM certificate of the CA that issued the registry's certificate. */
  public String caCertificatePem() {
    if (ca == null) {
      throw new IllegalStateException("the registry has a CA only after withTls() and start()");
    }
    return ca.certificatePem();
  }

  /**
   * Writes {@code dir/config.json} for skopeo, docker and the SDK's keychain, holding the first
   * user's credentials for {@link #hostPort()} and {@link #localHostPort()} (no entry without
   * auth), and returns its path.
   */
  public Path dockerConfig(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"auths\":{}}\n", StandardCharsets.UTF_8);
    if (auth != Auth.NONE) {
      RegistryUser user = users.get(0);
      DockerConfigFile config = DockerConfigFile.at(file);
      config.login(Registry.parse(hostPort()), user.name(), user.password());
      if (tls) {
        config.login(Registry.parse(localHostPort()), user.name(), user.password());
      }
    }
    return file;
  }

  /** How many tokens the token server issued ({@link Auth#TOKEN}; 0 otherwise). */
  public int tokensIssued() {
    return tokens == null ? 0 : tokens.tokensIssued();
  }

  /**
   * The {@link FaultProxy} in front of this registry, started on first use and stopped with the
   * container. Plain http only: the proxy must see where requests start.
   */
  public synchronized FaultProxy faultProxy() {
    if (tls) {
      throw new IllegalStateException(
          "a fault proxy reads HTTP requests and cannot stand in front of a TLS registry");
    }
    if (faultProxy == null) {
      try {
        FaultProxy proxy = new FaultProxy(getHost(), port());
        resources.add(proxy);
        faultProxy = proxy;
      } catch (IOException e) {
        throw new UncheckedIOException("starting the fault proxy", e);
      }
    }
    return faultProxy;
  }

  /** Clears the fault proxy's fault, if a proxy was started. */
  synchronized void clearFaultsIfProxied() {
    if (faultProxy != null) {
      faultProxy.clear();
    }
  }

  /** {@code reference} with its registry part replaced by the fault proxy's. */
  public Reference throughFaultProxy(Reference reference) {
    String name = reference.toString();
    String registry = reference.context().registry().name();
    return Reference.parse(faultProxy().hostPort() + name.substring(registry.length()));
  }

  /** Pushes {@code image} to {@code target} as a user allowed to push, without the test's code. */
  public void seed(Image image, Reference target) throws IOException {
    seeder(target).write(target, image);
  }

  /** Pushes {@code index} and every child to {@code target} as a user allowed to push. */
  public void seed(ImageIndex index, Reference target) throws IOException {
    seeder(target).writeIndex(target, index);
  }

  /**
   * Pushes the one image or index that {@code layout} lists to {@code target}.
   *
   * @throws IllegalArgumentException when the layout lists none or several (name one with {@link
   *     #seed(Layout, String, Reference)})
   */
  public void seed(Layout layout, Reference target) throws IOException {
    Seeding.fromLayout(layout, null, seeder(target), target);
  }

  /** Pushes the image or index that {@code layout} lists as {@code refName} to {@code target}. */
  public void seed(Layout layout, String refName, Reference target) throws IOException {
    Seeding.fromLayout(layout, refName, seeder(target), target);
  }

  /** Assertions about what this registry holds, read as the first user. */
  public RegistryAssertions assertions() {
    return new RegistryAssertions(options());
  }

  private synchronized RegistryClient seeder(Reference target) {
    String registry = target.context().registry().name();
    if (!registry.equals(hostPort())) {
      throw new IllegalArgumentException(
          "seeding " + target + ": not on this registry (" + hostPort() + ")");
    }
    if (seeder == null) {
      RegistryUser pusher = users().stream().filter(u -> u.may("push")).findFirst().orElse(null);
      if (auth != Auth.NONE && pusher == null) {
        throw new IllegalStateException("seeding needs a user who may push; users: " + users());
      }
      RegistryClient client = RegistryClient.builder().options(options(pusher)).build();
      resources.add(client);
      seeder = client;
    }
    return seeder;
  }

  private static String randomPassword() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
