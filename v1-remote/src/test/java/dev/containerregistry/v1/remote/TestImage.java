package dev.containerregistry.v1.remote;

import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Platform;
import dev.containerregistry.v1.RootFs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A small image made of bytes, for serving from a {@link TestRegistry}: one gzip layer, its config
 * and its manifest.
 */
record TestImage(byte[] tar, byte[] layer, byte[] config, byte[] manifest) {

  /** An image whose one layer holds {@code content}, for {@code platform}. */
  static TestImage of(String content, Platform platform) {
    byte[] tar = content.repeat(50).getBytes(StandardCharsets.UTF_8);
    byte[] layer = gzip(tar);
    byte[] config =
        ConfigFile.builder()
            .platform(platform)
            .rootFs(RootFs.of(List.of(Hash.sha256(tar))))
            .build()
            .toJson();
    byte[] manifest =
        Manifest.builder()
            .mediaType(MediaType.OCI_MANIFEST)
            .config(Descriptor.of(MediaType.OCI_CONFIG_JSON, config.length, Hash.sha256(config)))
            .layers(List.of(Descriptor.of(MediaType.OCI_LAYER, layer.length, Hash.sha256(layer))))
            .build()
            .toJson();
    return new TestImage(tar, layer, config, manifest);
  }

  Hash digest() {
    return Hash.sha256(manifest);
  }

  Hash layerDigest() {
    return Hash.sha256(layer);
  }

  Hash configDigest() {
    return Hash.sha256(config);
  }

  /** Serves the manifest as {@code repo:tag} and by digest, and both blobs. */
  void serve(TestRegistry registry, String repo, String tag) {
    registry.manifest(repo, tag, MediaType.OCI_MANIFEST, manifest);
    registry.manifest(repo, digest().toString(), MediaType.OCI_MANIFEST, manifest);
    registry.blob(repo, layerDigest(), layer);
    registry.blob(repo, configDigest(), config);
  }

  private static byte[] gzip(byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
