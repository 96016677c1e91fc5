package dev.containerregistry.it;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.HttpWaitStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * A running {@code registry:2} container reached over plain HTTP on loopback. Most tests share one
 * started per run through {@link RegistryExtension}; tests that need another configuration (auth, a
 * different storage setting) start their own with {@link #start(Map)} and close it.
 */
public final class RegistryContainer implements AutoCloseable {
  static final DockerImageName IMAGE = DockerImageName.parse("registry:2");
  private static final int PORT = 5000;

  private final GenericContainer<?> container;

  private RegistryContainer(GenericContainer<?> container) {
    this.container = container;
  }

  /**
   * Starts a registry with deletion enabled plus the given {@code REGISTRY_*} settings and waits
   * until {@code /v2/} answers (200, or 401 when auth is configured).
   */
  public static RegistryContainer start(Map<String, String> env) {
    return start(env, Map.of());
  }

  /** Like {@link #start(Map)}, with files copied into the container before it starts. */
  public static RegistryContainer start(Map<String, String> env, Map<String, Transferable> files) {
    return start(env, files, false);
  }

  /**
   * Like {@link #start(Map, Map)}; with {@code tls}, the settings must make the registry serve
   * https ({@code REGISTRY_HTTP_TLS_*}), and readiness is checked over https.
   */
  @SuppressWarnings("resource") // closed by close()
  public static RegistryContainer start(
      Map<String, String> env, Map<String, Transferable> files, boolean tls) {
    HttpWaitStrategy ready = Wait.forHttp("/v2/").forStatusCodeMatching(s -> s == 200 || s == 401);
    if (tls) {
      ready = ready.usingTls().allowInsecure();
    }
    ready.withStartupTimeout(Duration.ofSeconds(60));
    GenericContainer<?> c =
        new GenericContainer<>(IMAGE)
            .withExposedPorts(PORT)
            .withEnv("REGISTRY_STORAGE_DELETE_ENABLED", "true")
            .withEnv(env)
            .waitingFor(ready);
    files.forEach((path, content) -> c.withCopyToContainer(content, path));
    c.start();
    return new RegistryContainer(c);
  }

  /** {@code localhost:<mapped port>}: the registry part of references to this registry. */
  public String hostPort() {
    return container.getHost() + ":" + container.getMappedPort(PORT);
  }

  /** {@code http://localhost:<port>}. */
  public URI baseUri() {
    return URI.create("http://" + hostPort());
  }

  /** The reference string for {@code repository:tag} on this registry. */
  public String ref(String repositoryAndTag) {
    return hostPort() + "/" + repositoryAndTag;
  }

  /** The container, for tests that need its logs or to copy files in. */
  public GenericContainer<?> container() {
    return container;
  }

  @Override
  public void close() {
    container.stop();
  }
}
