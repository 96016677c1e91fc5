package dev.containerregistry.v1.tarball;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.name.Tag;
import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.RootFs;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.tar.TarEntry;
import dev.containerregistry.v1.tar.TarReader;
import dev.containerregistry.v1.tar.TarWriter;
import dev.containerregistry.v1.validate.Validate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarballTest {

  @TempDir Path dir;

  @Test
  void imagesWrittenUnderTagsReadBackByTagAndPositionWithTheSameDigests() throws IOException {
    Image first = Randoms.image(4096, 2);
    Image second = Randoms.image(2048, 1);
    Map<Tag, Image> images = new LinkedHashMap<>();
    images.put(Tag.parse("example.com/app:1"), first);
    images.put(Tag.parse("busybox:copy"), second);
    Path file = dir.resolve("images.tar");

    Tarball.write(images, file);

    Tarball tarball = Tarball.open(file);
    assertEquals(
        List.of(Tag.parse("example.com/app:1"), Tag.parse("busybox:copy")), tarball.tags());
    Image back = tarball.image(Tag.parse("example.com/app:1"));
    Validate.image(back);
    assertEquals(first.digest(), back.digest());
    assertEquals(second.digest(), tarball.image(1).digest());
    Validate.index(tarball.index().orElseThrow());
  }

  @Test
  void theTarHasDockerAndOciMetadataFirstAndEachBlobOnce() throws IOException {
    Image image = Randoms.image(1024, 2);
    Map<Tag, Image> images = new LinkedHashMap<>();
    images.put(Tag.parse("example.com/app:1"), image);
    images.put(Tag.parse("example.com/app:latest"), image);
    Path file = dir.resolve("one.tar");

    Tarball.write(images, file);

    List<String> names = new ArrayList<>();
    String manifestJson;
    try (InputStream in = Files.newInputStream(file)) {
      TarReader reader = new TarReader(in, file.toString());
      manifestJson = null;
      for (TarEntry e; (e = reader.next()) != null; ) {
        names.add(e.name());
        if (e.name().equals("manifest.json")) {
          manifestJson = new String(reader.content().readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    assertEquals(List.of("manifest.json", "oci-layout", "index.json"), names.subList(0, 3));
    assertEquals(3 + 2 + 2, names.size(), names.toString());
    assertEquals(
        "[{\"Config\":\"blobs/sha256/"
            + image.configName().hex()
            + "\",\"RepoTags\":[\"example.com/app:1\",\"example.com/app:latest\"],\"Layers\":[\"blobs/sha256/"
            + image.layers().get(0).digest().hex()
            + "\",\"blobs/sha256/"
            + image.layers().get(1).digest().hex()
            + "\"]}]",
        manifestJson);
  }

  @Test
  void anOldDockerSaveTarWithPlainLayerTarsBecomesAGzipImage() throws IOException {
    byte[] layerTar = Randoms.image(3000, 1).layers().get(0).uncompressed().readAllBytes();
    Hash diffId = Hash.sha256(layerTar);
    byte[] config = ConfigFile.builder().rootFs(RootFs.of(List.of(diffId))).build().toJson();
    Path file = dir.resolve("old.tar");
    try (OutputStream out = Files.newOutputStream(file);
        TarWriter tar = new TarWriter(out)) {
      file(tar, "0123abcd/layer.tar", layerTar);
      file(tar, "cafe.json", config);
      file(
          tar,
          "manifest.json",
          "[{\"Config\":\"cafe.json\",\"RepoTags\":[\"old:v1\"],\"Layers\":[\"0123abcd/layer.tar\"]}]"
              .getBytes(StandardCharsets.UTF_8));
    }

    Image image = Tarball.open(file).image(Tag.parse("old:v1"));

    Validate.image(image);
    Layer layer = image.layers().get(0);
    assertEquals(diffId, layer.diffId());
    try (InputStream in = layer.uncompressed()) {
      assertArrayEquals(layerTar, in.readAllBytes());
    }
    assertArrayEquals(config, image.rawConfigFile());
    assertEquals(Hash.sha256(config), image.configName());
  }

  @Test
  void anImageWithAnUnreadStreamLayerIsRefusedWithAReason() {
    Image image =
        Mutate.appendLayers(
            Empty.image(),
            dev.containerregistry.v1.stream.StreamLayer.of(new ByteArrayInputStream(new byte[10])));

    IOException e =
        assertThrows(
            IOException.class,
            () -> Tarball.write(Tag.parse("x:y"), image, OutputStream.nullOutputStream()));

    assertTrue(e.getMessage().contains("stream layers"), e.getMessage());
  }

  static void file(TarWriter tar, String name, byte[] content) throws IOException {
    tar.write(TarEntry.builder(name, TarEntry.Type.REGULAR).build(), content);
  }
}
