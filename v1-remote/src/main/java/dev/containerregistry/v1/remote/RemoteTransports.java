package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Registry;
import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.remote.transport.Transport;
import dev.containerregistry.v1.remote.transport.Transports;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Authenticated transports for the operations of the client, built from {@link RemoteOptions}. */
final class RemoteTransports {

  private RemoteTransports() {}

  /** For reading {@code repository}. */
  static Transport pull(Repository repository, RemoteOptions options) throws IOException {
    return scoped(repository.registry(), List.of(repository.scope("pull")), options);
  }

  /** For deleting from {@code repository}. */
  static Transport delete(Repository repository, RemoteOptions options) throws IOException {
    return scoped(repository.registry(), List.of(repository.scope("delete")), options);
  }

  /**
   * For writing to {@code target}, with {@code pull} on each repository of the same registry that
   * blobs may be mounted from.
   */
  static Transport push(
      Repository target, Collection<Repository> mountSources, RemoteOptions options)
      throws IOException {
    List<String> scopes = new ArrayList<>();
    scopes.add(target.scope("push,pull"));
    mountSources.stream()
        .filter(source -> source.registry().equals(target.registry()) && !source.equals(target))
        .map(source -> source.scope("pull"))
        .distinct()
        .forEach(scopes::add);
    return scoped(target.registry(), scopes, options);
  }

  /** For {@code scopes} at {@code registry}, such as {@code registry:catalog:*}. */
  static Transport scoped(Registry registry, List<String> scopes, RemoteOptions options)
      throws IOException {
    return Transports.forRegistry(registry, scopes, options.transportConfig(registry));
  }
}
