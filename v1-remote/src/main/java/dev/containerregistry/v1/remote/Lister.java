package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Registry;
import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.remote.transport.Transport;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Lists the tags of a repository ({@code GET /v2/<name>/tags/list}) and the repositories of a
 * registry ({@code GET /v2/_catalog}), following {@code Link} pagination to the last page.
 */
final class Lister {

  private final Transport transport;
  private final int pageSize;

  /**
   * @param transport authenticated for the listing
   * @param pageSize the {@code n} asked of the registry per page; 0 lets the registry choose
   */
  Lister(Transport transport, int pageSize) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.pageSize = pageSize;
  }

  /** Every tag of {@code repo}, in the registry's order. */
  List<String> tags(Repository repo) throws IOException {
    return Pages.collect(transport, RegistryUrls.tags(repo, pageSize), "tags", "tags of " + repo);
  }

  /** Every repository of {@code registry}, in the registry's order. */
  List<String> catalog(Registry registry) throws IOException {
    return Pages.collect(
        transport,
        RegistryUrls.catalog(registry, pageSize),
        "repositories",
        "the catalog of " + registry);
  }
}
