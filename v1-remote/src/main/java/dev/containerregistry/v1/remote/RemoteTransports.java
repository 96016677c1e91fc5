package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Registry;
import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.remote.transport.RegistryCache;
import dev.containerregistry.v1.remote.transport.Transport;
import dev.containerregistry.v1.remote.transport.Transports;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Authenticated transports for the operations of one client, built from its {@link RemoteOptions}
 * and sharing its {@link RegistryCache} (one ping per registry, credentials asked once, tokens
 * reused).
 */
final class RemoteTransports {

  private final RemoteOptions options;
  private final RegistryCache cache;

  RemoteTransports(RemoteOptions options, RegistryCache cache) {
    this.options = options;
    this.cache = cache;
  }

  /** For reading {@code repository}. */
  Transport pull(Repository repository) throws IOException {
    return scoped(repository.registry(), List.of(repository.scope("pull")));
  }

  /** For deleting from {@code repository}. */
  Transport delete(Repository repository) throws IOException {
    return scoped(repository.registry(), List.of(repository.scope("delete")));
  }

  /**
   * For writing to {@code target}, with {@code pull} on each repository of the same registry that
   * blobs may be mounted from.
   */
  Transport push(Repository target, Collection<Repository> mountSources) throws IOException {
    List<String> scopes = new ArrayList<>();
    scopes.add(target.scope("push,pull"));
    mountSources.stream()
        .filter(source -> source.registry().equals(target.registry()) && !source.equals(target))
        .map(source -> source.scope("pull"))
        .distinct()
        .forEach(scopes::add);
    return scoped(target.registry(), scopes);
  }

  /** For {@code scopes} at {@code registry}, such as {@code registry:catalog:*}. */
  Transport scoped(Registry registry, List<String> scopes) throws IOException {
    return Transports.forRegistry(registry, scopes, options.transportConfig(registry), cache);
  }
}
