package dev.containerregistry.it;

import dev.containerregistry.it.support.Prerequisites;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.testcontainers.DockerClientFactory;

/**
 * Gives tests a {@link RegistryContainer} shared by the whole run (started on first use, stopped
 * when the run ends). Without Docker the tests are skipped with a message, except under {@code
 * CI=true}, where a missing Docker engine fails them instead.
 *
 * <pre>{@code
 * @ExtendWith(RegistryExtension.class)
 * class PushTest {
 *   @Test void pushes(RegistryContainer registry) { ... registry.ref("repo:tag") ... }
 * }
 * }</pre>
 */
public final class RegistryExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RegistryExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    requireDocker();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RegistryContainer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(
            "shared-registry", key -> RegistryContainer.start(Map.of()), RegistryContainer.class);
  }

  /** Skips (or, under {@code CI=true}, fails) when no Docker engine answers. */
  public static void requireDocker() {
    if (DockerClientFactory.instance().isDockerAvailable()) {
      return;
    }
    Prerequisites.missing(
        "no Docker engine answers (set DOCKER_HOST or run scripts/test, which starts one):"
            + " the registry:2 integration tests need it");
  }
}
