package dev.containerregistry.testing;

import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.layout.Layout;
import dev.containerregistry.v1.remote.RegistryClient;
import dev.containerregistry.v1.remote.RemoteOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One test's view of a {@link RegistryContainer}: every reference and repository it makes lies
 * under the test's own prefix ({@code <class>/<method>-<n>}), so that tests sharing a registry
 * never see each other's images. Handed to test methods by {@link RegistryTest}.
 */
public final class TestRegistry {
  private final RegistryContainer container;
  private final String prefix;

  /** A view of {@code container} whose repositories all start with {@code prefix}. */
  public TestRegistry(RegistryContainer container, String prefix) {
    this.container = container;
    this.prefix = Repository.parse("localhost/" + prefix).repositoryStr();
  }

  /** The repository prefix of this test, without a trailing {@code /}. */
  public String prefix() {
    return prefix;
  }

  /** {@code <registry>/<prefix>/<repositoryAndTag>}, such as {@code reference("app:1")}. */
  public Reference reference(String repositoryAndTag) {
    return container.reference(prefix + "/" + repositoryAndTag);
  }

  /** The repository {@code <registry>/<prefix>/<path>}. */
  public Repository repository(String path) {
    return container.repository(prefix + "/" + path);
  }

  /** Like {@link #reference(String)}, reached through the registry's {@link FaultProxy}. */
  public Reference proxiedReference(String repositoryAndTag) {
    return container.throughFaultProxy(reference(repositoryAndTag));
  }

  /** The fault proxy in front of the registry; its fault is cleared after each test. */
  public FaultProxy faultProxy() {
    return container.faultProxy();
  }

  /** The registry's options for its first user ({@link RegistryContainer#options()}). */
  public RemoteOptions options() {
    return container.options();
  }

  /** The registry's options logging in as {@code user}. */
  public RemoteOptions options(RegistryUser user) {
    return container.options(user);
  }

  /** A new client with {@link #options()}; close it when done. */
  public RegistryClient client() {
    return container.client();
  }

  /** The registry's users (none without auth). */
  public List<RegistryUser> users() {
    return container.users();
  }

  /** The user called {@code name}, such as the default {@code pusher} or {@code puller}. */
  public RegistryUser user(String name) {
    return container.user(name);
  }

  /** Pushes {@code image} to {@link #reference(String) reference(repositoryAndTag)}. */
  public Reference seed(Image image, String repositoryAndTag) throws IOException {
    Reference target = reference(repositoryAndTag);
    container.seed(image, target);
    return target;
  }

  /** Pushes {@code index} to {@link #reference(String) reference(repositoryAndTag)}. */
  public Reference seed(ImageIndex index, String repositoryAndTag) throws IOException {
    Reference target = reference(repositoryAndTag);
    container.seed(index, target);
    return target;
  }

  /** Pushes the only entry of {@code layout} to {@link #reference(String)}. */
  public Reference seed(Layout layout, String repositoryAndTag) throws IOException {
    Reference target = reference(repositoryAndTag);
    container.seed(layout, target);
    return target;
  }

  /** Assertions about what the registry holds. */
  public RegistryAssertions assertions() {
    return container.assertions();
  }

  /** Writes a {@code config.json} with the registry's credentials into {@code dir}. */
  public Path dockerConfig(Path dir) throws IOException {
    return container.dockerConfig(dir);
  }

  /** The container behind this view. */
  public RegistryContainer container() {
    return container;
  }

  void clearFaults() {
    container.clearFaultsIfProxied();
  }

  @Override
  public String toString() {
    return container.hostPort() + "/" + prefix;
  }
}
