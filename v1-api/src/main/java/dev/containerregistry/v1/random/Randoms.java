package dev.containerregistry.v1.random;

import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.ContentNotFoundException;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.History;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.IndexManifest;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.RootFs;
import dev.containerregistry.v1.partial.ImageCore;
import dev.containerregistry.v1.partial.IndexCore;
import dev.containerregistry.v1.partial.Partial;
import dev.containerregistry.v1.partial.StaticLayer;
import dev.containerregistry.v1.tar.TarEntry;
import dev.containerregistry.v1.tar.TarMember;
import dev.containerregistry.v1.tar.TarStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random layers, images and indexes for tests: valid (every digest, DiffID and size checks out),
 * different on every call, and held in memory, so keep the sizes small. The images are like
 * go-containerregistry's {@code random.Image}: Docker schema 2, one history entry per layer.
 */
public final class Randoms {

  /** The largest layer content accepted, so that the tar still fits in one array. */
  private static final long MAX_LAYER_BYTES = Integer.MAX_VALUE - 16 * 1024;

  private Randoms() {}

  /**
   * An endless stream of random bytes from {@code seed} (they do not compress), for tests of
   * uploads that must be stopped rather than finished. Each read fills the buffer asked for.
   */
  public static InputStream endless(long seed) {
    Random random = new Random(seed);
    return new InputStream() {
      @Override
      public int read() {
        return random.nextInt(256);
      }

      @Override
      public int read(byte[] b, int off, int len) {
        byte[] chunk = new byte[len];
        random.nextBytes(chunk);
        System.arraycopy(chunk, 0, b, off, len);
        return len;
      }
    };
  }

  /**
   * A gzip layer whose tar holds one file of {@code byteSize} random bytes.
   *
   * @throws IllegalArgumentException when {@code byteSize} is negative or above 2 GiB
   */
  public static Layer layer(long byteSize, MediaType mediaType) {
    if (byteSize < 0 || byteSize > MAX_LAYER_BYTES) {
      throw new IllegalArgumentException(
          "a random layer holds 0 to " + MAX_LAYER_BYTES + " bytes, not " + byteSize);
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    byte[] content = new byte[(int) byteSize];
    random.nextBytes(content);
    String name = "random_file_" + Long.toUnsignedString(random.nextLong()) + ".txt";
    return StaticLayer.fromTar(oneFileTar(name, content), mediaType);
  }

  /** A tar holding one regular file, written in memory. */
  private static byte[] oneFileTar(String name, byte[] content) {
    TarEntry entry = TarEntry.builder(name, TarEntry.Type.REGULAR).build();
    try (TarStream tar = TarStream.of(List.of(TarMember.of(entry, content)))) {
      return tar.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("writing a tar in memory", e);
    }
  }

  /** A Docker schema 2 image of {@code layers} random Docker layers of {@code byteSizePerLayer}. */
  public static Image image(long byteSizePerLayer, int layers) {
    if (layers < 0) {
      throw new IllegalArgumentException("an image cannot have " + layers + " layers");
    }
    Map<Hash, Layer> byDigest = new LinkedHashMap<>();
    List<Descriptor> descriptors = new ArrayList<>();
    List<Hash> diffIds = new ArrayList<>();
    List<History> history = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      Layer layer = layer(byteSizePerLayer, MediaType.DOCKER_LAYER);
      try {
        byDigest.put(layer.digest(), layer);
        descriptors.add(Partial.descriptor(layer));
        diffIds.add(layer.diffId());
      } catch (IOException e) {
        throw new UncheckedIOException("describing an in-memory layer", e);
      }
      history.add(
          History.builder()
              .author("random.Image")
              .comment("this is a random history " + i + " of " + layers)
              .createdBy("random")
              .build());
    }
    byte[] config =
        ConfigFile.builder().rootFs(RootFs.of(diffIds)).history(history).build().toJson();
    byte[] manifest =
        Manifest.builder()
            .mediaType(MediaType.DOCKER_MANIFEST_SCHEMA2)
            .config(Descriptor.of(MediaType.DOCKER_CONFIG_JSON, config.length, Hash.sha256(config)))
            .layers(descriptors)
            .build()
            .toJson();
    return Partial.image(new InMemoryImage(manifest, config, byDigest));
  }

  /**
   * An OCI index of {@code count} random images, each of {@code layers} layers of {@code byteSize}.
   */
  public static ImageIndex index(long byteSize, int layers, int count) {
    Map<Hash, Image> images = new LinkedHashMap<>();
    List<Descriptor> descriptors = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Image image = image(byteSize, layers);
      try {
        images.put(image.digest(), image);
        descriptors.add(Partial.descriptor(image));
      } catch (IOException e) {
        throw new UncheckedIOException("describing an in-memory image", e);
      }
    }
    byte[] raw =
        IndexManifest.builder()
            .mediaType(MediaType.OCI_IMAGE_INDEX)
            .manifests(descriptors)
            .build()
            .toJson();
    return Partial.index(new InMemoryIndex(raw, images));
  }

  private record InMemoryImage(byte[] rawManifest, byte[] rawConfigFile, Map<Hash, Layer> layers)
      implements ImageCore {
    @Override
    public Layer layer(Descriptor descriptor) throws IOException {
      Layer layer = layers.get(descriptor.digest());
      if (layer == null) {
        throw new ContentNotFoundException(descriptor.digest(), "a random image");
      }
      return layer;
    }
  }

  private record InMemoryIndex(byte[] rawManifest, Map<Hash, Image> images) implements IndexCore {
    @Override
    public Image image(Descriptor child) throws IOException {
      Image image = images.get(child.digest());
      if (image == null) {
        throw new ContentNotFoundException(child.digest(), "a random index");
      }
      return image;
    }

    @Override
    public ImageIndex imageIndex(Descriptor child) throws IOException {
      throw new ContentNotFoundException(child.digest(), "the nested indexes of a random index");
    }
  }
}
