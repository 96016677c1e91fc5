package dev.containerregistry.it.pull;

import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.IndexManifest;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Platform;
import dev.containerregistry.v1.RootFs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Puts content into a registry with plain HTTP calls (monolithic blob upload, manifest PUT), so
 * that the read path is tested against content written by something other than this SDK.
 */
final class RawPush {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final URI base;

  RawPush(RegistryContainer registry) {
    this.base = registry.baseUri();
  }

  /** What was pushed for one image: its bytes and digests. */
  record Pushed(byte[] manifest, byte[] config, List<byte[]> layers, List<byte[]> tars) {
    Hash digest() {
      return Hash.sha256(manifest);
    }
  }

  /** Pushes an image of {@code layerCount} random gzip layers for {@code platform} as repo:tag. */
  Pushed image(String repo, String tag, Platform platform, int layerCount, long seed)
      throws IOException, InterruptedException {
    Random random = new Random(seed);
    List<byte[]> tars = new ArrayList<>();
    List<byte[]> layers = new ArrayList<>();
    List<Descriptor> layerDescriptors = new ArrayList<>();
    List<Hash> diffIds = new ArrayList<>();
    for (int i = 0; i < layerCount; i++) {
      byte[] tar = new byte[20_000 + random.nextInt(50_000)];
      random.nextBytes(tar);
      byte[] layer = gzip(tar);
      blob(repo, layer);
      tars.add(tar);
      layers.add(layer);
      layerDescriptors.add(Descriptor.of(MediaType.OCI_LAYER, layer.length, Hash.sha256(layer)));
      diffIds.add(Hash.sha256(tar));
    }
    byte[] config =
        ConfigFile.builder().platform(platform).rootFs(RootFs.of(diffIds)).build().toJson();
    blob(repo, config);
    byte[] manifest =
        Manifest.builder()
            .mediaType(MediaType.OCI_MANIFEST)
            .config(Descriptor.of(MediaType.OCI_CONFIG_JSON, config.length, Hash.sha256(config)))
            .layers(layerDescriptors)
            .build()
            .toJson();
    manifest(repo, tag, MediaType.OCI_MANIFEST, manifest);
    return new Pushed(manifest, config, layers, tars);
  }

  /** Pushes an index of {@code children} (pushed before, by digest) with their platforms. */
  byte[] index(String repo, String tag, List<Pushed> children, List<Platform> platforms)
      throws IOException, InterruptedException {
    List<Descriptor> descriptors = new ArrayList<>();
    for (int i = 0; i < children.size(); i++) {
      Pushed child = children.get(i);
      descriptors.add(
          Descriptor.of(MediaType.OCI_MANIFEST, child.manifest().length, child.digest())
              .withPlatform(platforms.get(i)));
    }
    byte[] index =
        IndexManifest.builder()
            .mediaType(MediaType.OCI_IMAGE_INDEX)
            .manifests(descriptors)
            .build()
            .toJson();
    manifest(repo, tag, MediaType.OCI_IMAGE_INDEX, index);
    return index;
  }

  /** Uploads {@code content} as a blob of {@code repo} in one POST and one PUT. */
  void blob(String repo, byte[] content) throws IOException, InterruptedException {
    HttpResponse<Void> started =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve("/v2/" + repo + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding());
    expect(202, started.statusCode(), "starting an upload to " + repo);
    URI location = base.resolve(started.headers().firstValue("Location").orElseThrow());
    String separator = location.getRawQuery() == null ? "?" : "&";
    URI commit = URI.create(location + separator + "digest=" + Hash.sha256(content));
    HttpResponse<String> done =
        HTTP.send(
            HttpRequest.newBuilder(commit)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    expect(201, done.statusCode(), "committing a blob to " + repo + ": " + done.body());
  }

  /** PUTs {@code content} as manifest {@code repo:reference}. */
  void manifest(String repo, String reference, MediaType type, byte[] content)
      throws IOException, InterruptedException {
    HttpResponse<String> put =
        HTTP.send(
            HttpRequest.newBuilder(base.resolve("/v2/" + repo + "/manifests/" + reference))
                .header("Content-Type", type.value())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    expect(201, put.statusCode(), "putting manifest " + repo + ":" + reference + ": " + put.body());
  }

  /** The status of a plain GET of {@code path} on the registry. */
  int status(String path) throws IOException, InterruptedException {
    return HTTP.send(
            HttpRequest.newBuilder(base.resolve(path)).GET().build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static void expect(int wanted, int got, String what) throws IOException {
    if (wanted != got) {
      throw new IOException(what + ": status " + got + ", expected " + wanted);
    }
  }

  private static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    }
    return out.toByteArray();
  }
}
