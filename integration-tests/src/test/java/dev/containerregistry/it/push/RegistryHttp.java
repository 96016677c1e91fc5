package dev.containerregistry.it.push;

import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.v1.Hash;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Reads what a push left in the registry with plain HTTP, independent of the SDK's read path. */
final class RegistryHttp {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
  private static final String ACCEPT =
      "application/vnd.oci.image.manifest.v1+json,application/vnd.oci.image.index.v1+json,"
          + "application/vnd.docker.distribution.manifest.v2+json,"
          + "application/vnd.docker.distribution.manifest.list.v2+json";

  private final URI base;

  RegistryHttp(RegistryContainer registry) {
    this.base = registry.baseUri();
  }

  /** The bytes of {@code /v2/<repo>/blobs/<digest>}. */
  byte[] blob(String repo, Hash digest) throws IOException {
    return get("/v2/" + repo + "/blobs/" + digest);
  }

  /** The bytes of {@code /v2/<repo>/manifests/<reference>}. */
  byte[] manifest(String repo, String reference) throws IOException {
    return get("/v2/" + repo + "/manifests/" + reference);
  }

  /** The {@code Content-Length} a {@code HEAD} of {@code /v2/<repo>/blobs/<digest>} reports. */
  long blobSize(String repo, Hash digest) throws IOException {
    String path = "/v2/" + repo + "/blobs/" + digest;
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 200) {
        throw new IOException("HEAD " + path + ": status " + response.statusCode());
      }
      return response.headers().firstValueAsLong("Content-Length").orElse(-1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: HEAD " + path, e);
    }
  }

  private byte[] get(String path) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path)).header("Accept", ACCEPT).build();
    try {
      HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IOException(
            "GET "
                + path
                + ": status "
                + response.statusCode()
                + ": "
                + new String(response.body(), StandardCharsets.UTF_8));
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: GET " + path, e);
    }
  }
}
