package dev.containerregistry.v1.zstd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.NotComputedException;
import dev.containerregistry.v1.compression.LayerCompression;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.files.FileLayer;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.partial.Partial;
import dev.containerregistry.v1.partial.StaticLayer;
import dev.containerregistry.v1.stream.StreamLayer;
import dev.containerregistry.v1.tar.TarEntry;
import dev.containerregistry.v1.tar.TarMember;
import dev.containerregistry.v1.tar.TarReader;
import dev.containerregistry.v1.tar.TarStream;
import dev.containerregistry.v1.validate.Validate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * zstd layers through every writer and reader of the SDK; every zstd blob written is decompressed
 * by the system's {@code zstd -d}, and the sha256 of what it writes is the layer's DiffID.
 */
class ZstdLayersTest {

  @TempDir Path directory;

  @ParameterizedTest(name = "{0} workers")
  @ValueSource(ints = {1, 2})
  void aStreamLayerWritesZstd(int workers) throws Exception {
    byte[] tar = tar("app/lib.bin", SystemZstd.realBytes(workers == 1 ? 3_000_000 : 12_000_000));
    StreamLayer layer =
        StreamLayer.builder(new ByteArrayInputStream(tar))
            .compression(Zstd.compression())
            .parallelism(workers)
            .build();

    assertEquals(MediaType.OCI_LAYER_ZSTD, layer.mediaType());
    assertThrows(NotComputedException.class, layer::digest);
    checkedBySystemZstd(layer);
    assertEquals(Hash.sha256(tar), layer.diffId());
  }

  @Test
  void aFileLayerWritesZstd() throws Exception {
    Path tree = Files.createDirectories(directory.resolve("tree"));
    Files.write(tree.resolve("lib.bin"), SystemZstd.realBytes(2_000_000));
    FileLayer layer =
        FileLayer.builder()
            .directory(tree, "/app")
            .compression(Zstd.compression(5))
            .parallelism(2)
            .build();

    assertEquals(MediaType.OCI_LAYER_ZSTD, layer.mediaType());
    checkedBySystemZstd(layer);
    byte[] again;
    try (InputStream in = layer.compressed()) {
      again = in.readAllBytes();
    }
    assertEquals(layer.digest(), Hash.sha256(again));
  }

  @Test
  void uncompressedLayersOfTheZstdTypeAreWrittenAsZstd() throws Exception {
    byte[] tar = tar("a.txt", "hello zstd".getBytes(StandardCharsets.UTF_8));
    Layer partial =
        Partial.uncompressedLayer(
            Hash.sha256(tar), MediaType.OCI_LAYER_ZSTD, () -> new ByteArrayInputStream(tar));
    checkedBySystemZstd(partial);
    checkedBySystemZstd(StaticLayer.fromTar(tar, MediaType.OCI_LAYER_ZSTD));
  }

  @Test
  void zstdImagesAreReadValidatedExtractedAndRetimed() throws Exception {
    byte[] lower = tar("etc/os-release", "ID=test\n".getBytes(StandardCharsets.UTF_8));
    byte[] upper = tar("app/lib.bin", SystemZstd.realBytes(1_000_000));
    byte[] upperBlob = ZstdTest.compress(Zstd.compression(), upper, 1);
    Layer fromBlob =
        Partial.compressedLayer(
            Hash.sha256(upperBlob),
            upperBlob.length,
            MediaType.OCI_LAYER_ZSTD,
            () -> new ByteArrayInputStream(upperBlob));
    Image image =
        Mutate.appendLayers(
            Empty.ociImage(), StaticLayer.fromTar(lower, MediaType.OCI_LAYER_ZSTD), fromBlob);

    Validate.image(image);
    try (InputStream in = fromBlob.uncompressed()) {
      assertArrayEquals(upper, in.readAllBytes());
    }
    assertEquals(List.of("app/lib.bin", "etc/os-release"), names(Mutate.extract(image)));

    for (Image changed :
        List.of(
            Mutate.time(image, Instant.parse("2020-01-01T00:00:00Z")), Mutate.canonical(image))) {
      Validate.image(changed);
      for (Layer layer : changed.layers()) {
        assertEquals(MediaType.OCI_LAYER_ZSTD, layer.mediaType());
        checkedBySystemZstd(layer);
      }
    }
  }

  @Test
  void recompressConvertsLazilyAndKeepsTheConfig() throws Exception {
    byte[] tar = tar("app/lib.bin", SystemZstd.realBytes(1_500_000));
    AtomicInteger opened = new AtomicInteger();
    Layer gzip =
        Partial.uncompressedLayer(
            Hash.sha256(tar),
            MediaType.DOCKER_LAYER,
            () -> {
              opened.incrementAndGet();
              return new ByteArrayInputStream(tar);
            });
    Image base = Mutate.appendLayers(Empty.image(), gzip);
    byte[] config = base.rawConfigFile();
    opened.set(0);

    Image zstd = Mutate.recompress(base, Zstd.compression());
    Layer converted = zstd.layers().get(0);

    assertEquals(0, opened.get(), "nothing is read until the new layer is");
    assertEquals(MediaType.OCI_LAYER_ZSTD, converted.mediaType());
    assertEquals(Hash.sha256(tar), converted.diffId());
    assertThrows(NotComputedException.class, converted::digest);
    assertThrows(NotComputedException.class, zstd::manifest);
    checkedBySystemZstd(converted);
    assertEquals(MediaType.OCI_MANIFEST, zstd.manifest().mediaType().orElseThrow());
    assertEquals(MediaType.OCI_CONFIG_JSON, zstd.manifest().config().mediaType());
    assertArrayEquals(config, zstd.rawConfigFile());
    Validate.image(zstd);

    Image back = Mutate.recompress(zstd, LayerCompression.gzip(6));
    Layer gzipAgain = back.layers().get(0);
    try (InputStream in = gzipAgain.compressed()) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    assertEquals(MediaType.OCI_LAYER, gzipAgain.mediaType());
    Validate.image(back);
  }

  /**
   * Reads {@code layer}'s compressed stream to a file, has the system's zstd decompress it, and
   * checks that the layer's digest, size and DiffID describe what was read.
   */
  private void checkedBySystemZstd(Layer layer) throws Exception {
    Path file = Files.createTempFile(directory, "layer", ".zst");
    try (InputStream in = layer.compressed()) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    byte[] blob = Files.readAllBytes(file);
    byte[] tar = SystemZstd.decompress(file);
    assertEquals(Hash.sha256(tar), layer.diffId(), "sha256 of zstd -d is the DiffID");
    assertEquals(Hash.sha256(blob), layer.digest());
    assertEquals(blob.length, layer.size());
  }

  private static byte[] tar(String name, byte[] content) throws IOException {
    TarEntry entry = TarEntry.builder(name, TarEntry.Type.REGULAR).build();
    try (TarStream tar = TarStream.of(List.of(TarMember.of(entry, content)))) {
      return tar.readAllBytes();
    }
  }

  private static List<String> names(InputStream tar) throws IOException {
    List<String> names = new ArrayList<>();
    try (tar) {
      TarReader reader = new TarReader(tar, "the extracted image");
      for (TarEntry entry = reader.next(); entry != null; entry = reader.next()) {
        names.add(entry.name());
      }
    }
    return names;
  }
}
