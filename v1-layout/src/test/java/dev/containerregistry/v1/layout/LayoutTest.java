package dev.containerregistry.v1.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.Platform;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.mutate.IndexAddendum;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.stream.StreamLayer;
import dev.containerregistry.v1.validate.Validate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutTest {

  @TempDir Path dir;

  @Test
  void anImageWrittenUnderARefNameReadsBackWithTheSameDigestsAndValidates() throws IOException {
    Image image = Randoms.image(2048, 3);
    Descriptor entry = Layout.create(dir).append(image, AppendOptions.refName("v1"));

    Layout opened = Layout.open(dir);
    Image back = opened.image("v1");
    assertEquals(image.digest(), entry.digest());
    assertEquals(image.digest(), back.digest());
    assertArrayEquals(image.rawConfigFile(), back.rawConfigFile());
    Validate.image(back);
    assertEquals(image.digest(), opened.image(image.digest()).digest());
    assertEquals(
        "{\"imageLayoutVersion\":\"1.0.0\"}",
        Files.readString(dir.resolve("oci-layout"), StandardCharsets.UTF_8));
  }

  @Test
  void aStreamLayerIsWrittenOnceAndListedUnderItsComputedDigest() throws IOException {
    byte[] tar = new byte[100_000];
    new Random(1).nextBytes(tar);
    Image image = Mutate.appendLayers(Empty.image(), StreamLayer.of(new ByteArrayInputStream(tar)));

    Layout.create(dir).append(image, AppendOptions.refName("streamed"));

    Image back = Layout.open(dir).image("streamed");
    Validate.image(back);
    assertEquals(image.digest(), back.digest());
    Layer layer = back.layers().get(0);
    try (InputStream in = layer.uncompressed()) {
      assertArrayEquals(tar, in.readAllBytes());
    }
  }

  @Test
  void anIndexWithTwoPlatformsRoundTrips() throws IOException {
    Platform amd64 = Platform.of("linux", "amd64");
    Platform arm64 = Platform.of("linux", "arm64").withVariant("v8");
    ImageIndex index =
        Mutate.appendManifests(
            Empty.index(),
            IndexAddendum.builder(Randoms.image(1024, 1)).platform(amd64).build(),
            IndexAddendum.builder(Randoms.image(1024, 2)).platform(arm64).build());

    Layout.create(dir).append(index, AppendOptions.refName("multi"));

    ImageIndex back = Layout.open(dir).imageIndex("multi");
    assertEquals(index.digest(), back.digest());
    Validate.index(back);
    List<Descriptor> children = back.indexManifest().manifests();
    assertEquals(List.of(amd64, arm64), children.stream().map(d -> d.platform().get()).toList());
    assertEquals(
        index.image(children.get(1).digest()).digest(),
        back.image(children.get(1).digest()).digest());
  }

  @Test
  void garbageCollectionAfterRemoveLeavesOnlyTheBlobsStillReferenced() throws IOException {
    Layout layout = Layout.create(dir);
    Image kept = Randoms.image(1024, 2);
    Image dropped = Randoms.image(1024, 2);
    layout.append(kept, AppendOptions.refName("kept"));
    layout.append(dropped, AppendOptions.refName("dropped"));
    Files.writeString(dir.resolve(".tmp-blob-left-by-a-crash"), "partial");

    assertTrue(layout.remove("dropped"));
    assertFalse(layout.remove("dropped"));
    List<Hash> deleted = layout.garbageCollect();

    assertEquals(blobsOf(kept), storedBlobs());
    assertEquals(blobsOf(dropped), new HashSet<>(deleted));
    assertFalse(Files.exists(dir.resolve(".tmp-blob-left-by-a-crash")));
    Validate.image(Layout.open(dir).image("kept"));
  }

  @Test
  void replaceKeepsOneEntryPerRefNameAndLeavesOthersAlone() throws IOException {
    Layout layout = Layout.create(dir);
    Image other = Randoms.image(512, 1);
    layout.append(Randoms.image(512, 1), AppendOptions.refName("app"));
    layout.append(other, AppendOptions.refName("other"));
    Image newer = Randoms.image(512, 1);

    layout.replace("app", newer);

    assertEquals(2, layout.descriptors().size());
    assertEquals(newer.digest(), layout.image("app").digest());
    assertEquals(other.digest(), layout.image("other").digest());
  }

  @Test
  void appendingTheSameImageTwiceWritesNoBlobAgain() throws IOException {
    Layout layout = Layout.create(dir);
    Image image = Randoms.image(4096, 2);
    layout.append(image);
    Path layerFile = dir.resolve("blobs/sha256/" + image.layers().get(0).digest().hex());
    var written = Files.getLastModifiedTime(layerFile);
    Files.setLastModifiedTime(layerFile, java.nio.file.attribute.FileTime.fromMillis(1000));

    layout.append(image);

    assertEquals(1000, Files.getLastModifiedTime(layerFile).toMillis(), "rewritten: " + written);
    assertEquals(2, layout.descriptors().size());
    assertEquals(blobsOf(image), storedBlobs());
  }

  @Test
  void aBlobWithTheWrongDigestIsNotStored() throws IOException {
    Layout layout = Layout.create(dir);
    Hash claimed = Hash.sha256("something else".getBytes(StandardCharsets.UTF_8));

    IOException e =
        assertThrows(
            IOException.class,
            () ->
                layout.writeBlob(
                    claimed, new ByteArrayInputStream("content".getBytes(StandardCharsets.UTF_8))));

    assertTrue(e.getMessage().contains(claimed.toString()), e.getMessage());
    assertEquals(Set.of(), storedBlobs());
    assertEquals(
        List.of(Path.of("blobs"), Path.of("index.json"), Path.of("oci-layout")), rootEntries());
  }

  @Test
  void aLayerThatFailsWhileStreamingLeavesTheIndexAndBlobsAsTheyWere() throws IOException {
    Layout layout = Layout.create(dir);
    byte[] indexBefore = Files.readAllBytes(dir.resolve("index.json"));
    InputStream failing =
        new InputStream() {
          private int left = 50_000;

          @Override
          public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
              throw new IOException("disk went away");
            }
            int n = Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 7);
            left -= n;
            return n;
          }
        };
    Image image = Mutate.appendLayers(Empty.image(), StreamLayer.of(failing));

    assertThrows(IOException.class, () -> layout.append(image, AppendOptions.refName("x")));

    assertArrayEquals(indexBefore, Files.readAllBytes(dir.resolve("index.json")));
    assertEquals(Set.of(), storedBlobs());
    assertEquals(
        List.of(Path.of("blobs"), Path.of("index.json"), Path.of("oci-layout")), rootEntries());
  }

  @Test
  void writeBlobAndBlobRoundTripForPluginAuthors() throws IOException {
    Layout layout = Layout.create(dir);
    byte[] content = "plugin data".getBytes(StandardCharsets.UTF_8);
    Hash digest = Hash.sha256(content);

    layout.writeBlob(digest, new ByteArrayInputStream(content));

    assertTrue(layout.hasBlob(digest));
    try (InputStream in = layout.blob(digest)) {
      assertArrayEquals(content, in.readAllBytes());
    }
  }

  @Test
  void createRefusesAnExistingLayoutAndOpenRefusesADirectoryThatIsNone() throws IOException {
    Layout.create(dir);
    IOException again = assertThrows(IOException.class, () -> Layout.create(dir));
    assertTrue(again.getMessage().contains("already holds one"), again.getMessage());

    Path plain = Files.createDirectory(dir.resolve("plain"));
    IOException none = assertThrows(IOException.class, () -> Layout.open(plain));
    assertTrue(none.getMessage().contains("oci-layout"), none.getMessage());
  }

  @Test
  void anUnknownRefNameIsReportedWithTheNamesThereAre() throws IOException {
    Layout layout = Layout.create(dir);
    layout.append(Randoms.image(256, 1), AppendOptions.refName("present"));

    IOException e = assertThrows(IOException.class, () -> layout.image("absent"));

    assertTrue(
        e.getMessage().contains("'absent'") && e.getMessage().contains("[present]"),
        e.getMessage());
  }

  private Set<Hash> storedBlobs() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("blobs/sha256"))) {
      return files
          .map(f -> new Hash("sha256", f.getFileName().toString()))
          .collect(java.util.stream.Collectors.toSet());
    }
  }

  private List<Path> rootEntries() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(Path::getFileName).sorted().toList();
    }
  }

  static Set<Hash> blobsOf(Image image) throws IOException {
    Set<Hash> all = new HashSet<>();
    all.add(image.digest());
    all.add(image.configName());
    for (Layer layer : image.layers()) {
      all.add(layer.digest());
    }
    return all;
  }
}
