package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Registry;
import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Hash;
import java.net.URI;

/**
 * The URLs of the endpoints of the OCI distribution API (uploads add theirs in {@link UploadUrls}).
 * Names, tags and digests are validated by the {@code name} module and contain only URL-safe
 * characters.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#endpoints">
 *     OCI distribution spec: endpoints</a>
 */
final class RegistryUrls {

  private RegistryUrls() {}

  /** {@code /v2/<name>/manifests/<tag or digest>}. */
  static URI manifest(Reference ref) {
    return repository(ref.context(), "/manifests/" + ref.identifier());
  }

  /** {@code /v2/<name>/blobs/<digest>}. */
  static URI blob(Repository repo, Hash digest) {
    return repository(repo, "/blobs/" + digest);
  }

  /** {@code /v2/<name>/tags/list}, with {@code n=<pageSize>} when it is positive. */
  static URI tags(Repository repo, int pageSize) {
    return repository(repo, "/tags/list" + pageQuery(pageSize));
  }

  /** {@code /v2/_catalog}, with {@code n=<pageSize>} when it is positive. */
  static URI catalog(Registry registry, int pageSize) {
    return URI.create(base(registry) + "/v2/_catalog" + pageQuery(pageSize));
  }

  /** {@code /v2/<name>} followed by {@code tail}. */
  static URI repository(Repository repo, String tail) {
    return URI.create(base(repo.registry()) + "/v2/" + repo.repositoryStr() + tail);
  }

  private static String base(Registry registry) {
    return registry.scheme() + "://" + registry.name();
  }

  private static String pageQuery(int pageSize) {
    return pageSize > 0 ? "?n=" + pageSize : "";
  }
}
