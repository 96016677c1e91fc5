package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Hash;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The URLs of blob uploads: {@code POST /v2/<name>/blobs/uploads/} (optionally mounting), and the
 * closing {@code ?digest=} added to an upload's location.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#pushing-blobs">
 *     OCI distribution spec: pushing blobs</a>
 */
final class UploadUrls {

  private UploadUrls() {}

  /** {@code /v2/<name>/blobs/uploads/}: opens an upload session. */
  static URI start(Repository repo) {
    return RegistryUrls.repository(repo, "/blobs/uploads/");
  }

  /**
   * {@code /v2/<name>/blobs/uploads/?mount=<digest>&from=<source>}: asks for a cross-repository
   * mount.
   */
  static URI mount(Repository repo, Hash digest, Repository source) {
    return URI.create(
        start(repo)
            + "?mount="
            + encode(digest.toString())
            + "&from="
            + encode(source.repositoryStr()));
  }

  /** {@code location} with {@code digest=<digest>} added to its query, to close the upload. */
  static URI withDigest(URI location, Hash digest) {
    String separator = location.getRawQuery() == null ? "?" : "&";
    return URI.create(location + separator + "digest=" + encode(digest.toString()));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
