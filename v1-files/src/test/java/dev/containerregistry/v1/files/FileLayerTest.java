package dev.containerregistry.v1.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.NotComputedException;
import dev.containerregistry.v1.tar.TarEntry;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileLayerTest {

  @TempDir Path temp;

  private static final FileAttributes APP_OWNER =
      FileAttributes.builder().owner(1000, 1000).build();

  @Test
  void treeIsWrittenSortedWithModesOwnersAndLinksAsOnDisk() throws IOException {
    Path tree = Trees.sample(temp);
    FileLayer layer =
        FileLayer.builder()
            .directory(tree, "/app", APP_OWNER)
            .whiteout("/app/old")
            .bytes("/etc/motd", "hello\n".getBytes(UTF_8))
            .build();

    Archive tar = Archive.tarOf(layer);

    assertEquals(
        List.of(
            "app/",
            "app/.wh.old",
            "app/bin/",
            "app/bin/run.sh",
            "app/data/",
            "app/data/a.txt",
            "app/data/b.txt",
            "app/link",
            "app/loop1",
            "app/loop2",
            "etc/",
            "etc/motd"),
        tar.names());
    assertEntry(tar.entry("app/bin/run.sh"), TarEntry.Type.REGULAR, 0755, 1000, "");
    assertEntry(tar.entry("app/data/a.txt"), TarEntry.Type.REGULAR, 0644, 1000, "");
    assertEntry(tar.entry("app/data/b.txt"), TarEntry.Type.HARD_LINK, 0644, 1000, "app/data/a.txt");
    assertEntry(tar.entry("app/link"), TarEntry.Type.SYMLINK, 0777, 1000, "data/a.txt");
    assertEntry(tar.entry("app/loop1"), TarEntry.Type.SYMLINK, 0777, 1000, "loop2");
    assertEntry(tar.entry("app/bin/"), TarEntry.Type.DIRECTORY, 0755, 1000, "");
    assertEntry(tar.entry("app/.wh.old"), TarEntry.Type.REGULAR, 0644, 0, "");
    assertEntry(tar.entry("etc/"), TarEntry.Type.DIRECTORY, 0755, 0, "");
    assertEntry(tar.entry("etc/motd"), TarEntry.Type.REGULAR, 0644, 0, "");
    assertEquals("alpha\n", new String(tar.content("app/data/a.txt"), UTF_8));
    assertEquals(0, tar.content("app/data/b.txt").length);
    assertEquals("hello\n", new String(tar.content("etc/motd"), UTF_8));
    assertEquals(FileLayer.DEFAULT_MODIFICATION_TIME, tar.entry("app/bin/run.sh").modTime());
    assertEquals("", tar.entry("app/bin/run.sh").userName());
  }

  @Test
  void entriesOfSeveralSourcesAreMergedInContainerPathOrder() throws IOException {
    Path tree = Files.createDirectories(temp.resolve("t"));
    Files.writeString(tree.resolve("m"), "m");
    FileLayer layer =
        FileLayer.builder()
            .bytes("/a/z", new byte[] {1})
            .directory(tree, "/a")
            .symlink("/a-b", "a")
            .bytes("/a/b/c", new byte[] {2})
            .directoryEntry("/0")
            .opaque("/a/b")
            .build();

    assertEquals(
        List.of("0/", "a/", "a/b/", "a/b/.wh..wh..opq", "a/b/c", "a/m", "a/z", "a-b"),
        Archive.tarOf(layer).names());
  }

  @Test
  void entryAttributesWinOverLayerDefaultsWhichWinOverBuiltIns() throws IOException {
    Instant t = Instant.parse("2021-03-04T05:06:07Z");
    FileLayer layer =
        FileLayer.builder()
            .defaults(
                FileAttributes.builder()
                    .owner(7, 8)
                    .ownerNames("app", "staff")
                    .directoryMode(0750)
                    .modificationTime(t)
                    .build())
            .bytes("/x/one", new byte[0])
            .bytes(
                "/x/two", new byte[0], FileAttributes.builder().owner(1, 2).fileMode(0600).build())
            .build();

    Archive tar = Archive.tarOf(layer);

    TarEntry parent = tar.entry("x/");
    assertEntry(parent, TarEntry.Type.DIRECTORY, 0750, 7, "");
    assertEquals(t, parent.modTime());
    assertEquals("app", tar.entry("x/one").userName());
    assertEquals("staff", tar.entry("x/one").groupName());
    assertEntry(tar.entry("x/one"), TarEntry.Type.REGULAR, 0644, 7, "");
    assertEntry(tar.entry("x/two"), TarEntry.Type.REGULAR, 0600, 1, "");
    assertEquals(2, tar.entry("x/two").gid());
    assertEquals("app", tar.entry("x/two").userName());
  }

  @Test
  void sameInputsGiveTheSameDigestWhateverTheFileTimes() throws IOException {
    Path tree = Trees.sample(temp);
    Trees.touchAll(tree, Instant.parse("2020-01-01T00:00:00Z"));
    FileLayer first = FileLayer.builder().directory(tree, "/app", APP_OWNER).build();
    Archive.gzipOf(first);

    Trees.touchAll(tree, Instant.parse("2020-01-01T00:01:00Z"));
    FileLayer second = FileLayer.builder().directory(tree, "/app", APP_OWNER).build();
    Archive.gzipOf(second);

    assertEquals(first.digest(), second.digest());
    assertEquals(first.diffId(), second.diffId());
    assertEquals(first.size(), second.size());
  }

  @Test
  void keptModificationTimesAreTheFilesOwn() throws IOException {
    Path file = temp.resolve("f");
    Files.writeString(file, "x");
    Instant t = Instant.parse("2019-09-09T09:09:09Z");
    Trees.touchAll(file, t);

    FileLayer layer = FileLayer.builder().keepModificationTimes().file(file, "/f").build();

    assertEquals(t, Archive.tarOf(layer).entry("f").modTime());
  }

  @Test
  void valuesAreKnownOnlyAfterTheFirstCompleteReadAndMatchTheBytes() throws IOException {
    Path tree = Trees.sample(temp);
    FileLayer layer = FileLayer.builder().directory(tree, "/").build();
    assertThrows(NotComputedException.class, layer::digest);

    byte[] gzip;
    try (InputStream in = layer.compressed()) {
      gzip = in.readAllBytes();
    }
    byte[] tar;
    try (InputStream in = layer.uncompressed()) {
      tar = in.readAllBytes();
    }

    assertEquals(Hash.sha256(gzip), layer.digest());
    assertEquals(gzip.length, layer.size());
    assertEquals(Hash.sha256(tar), layer.diffId());
    assertEquals(MediaType.OCI_LAYER, layer.mediaType());
  }

  @Test
  void aSecondReadGivesTheSameBytesAndAChangedFileFailsNamingIt() throws IOException {
    Path tree = Trees.sample(temp);
    FileLayer layer = FileLayer.builder().directory(tree, "/app").build();
    byte[] first;
    try (InputStream in = layer.compressed()) {
      first = in.readAllBytes();
    }
    byte[] second;
    try (InputStream in = layer.compressed()) {
      second = in.readAllBytes();
    }
    assertArrayEquals(first, second);

    Files.writeString(tree.resolve("bin/run.sh"), "#!/bin/sh\necho changed\n");

    IOException e = assertThrows(IOException.class, layer::compressed);
    assertTrue(e.getMessage().contains("/app/bin/run.sh changed"), e.getMessage());
    assertEquals(Hash.sha256(first), layer.digest());
  }

  @Test
  void aFileChangedAfterTheWalkFailsTheReadNamingIt() throws IOException {
    Path tree = Files.createDirectories(temp.resolve("t"));
    Files.write(tree.resolve("a.bin"), Trees.pattern(8_000_000));
    Files.writeString(tree.resolve("b.txt"), "before");
    FileLayer layer = FileLayer.builder().directory(tree, "/").parallelism(1).build();

    try (InputStream in = layer.compressed()) {
      assertEquals(16, in.readNBytes(16).length);
      Files.writeString(tree.resolve("b.txt"), "after, longer");

      IOException e = assertThrows(IOException.class, in::readAllBytes);

      assertTrue(
          e.getMessage().contains("(for /b.txt) changed after its directory was walked"),
          e.getMessage());
    }
  }

  @Test
  void setuidSetgidAndStickyBitsAreKept() throws Exception {
    Path tree = Files.createDirectories(temp.resolve("t"));
    Path tool = Files.writeString(tree.resolve("tool"), "x");
    Path shared = Files.createDirectories(tree.resolve("shared"));
    chmod("4755", tool);
    chmod("3777", shared);

    Archive tar = Archive.tarOf(FileLayer.builder().directory(tree, "/").build());

    assertEquals(04755, tar.entry("tool").mode());
    assertEquals(03777, tar.entry("shared/").mode());
  }

  @Test
  void parallelCompressionWritesTheSameTar() throws IOException {
    Path tree = Trees.sample(temp);
    FileLayer one = FileLayer.builder().directory(tree, "/app").parallelism(1).build();
    FileLayer two =
        FileLayer.builder().directory(tree, "/app").parallelism(2).compressionLevel(6).build();

    assertEquals(Archive.gzipOf(one).names(), Archive.gzipOf(two).names());
    assertEquals(one.diffId(), two.diffId());
  }

  @Test
  void theDefaultWorkersGiveTheDigestOfOneWorkerSoEveryMachineAgrees() throws IOException {
    Path tree = Files.createDirectories(temp.resolve("big"));
    Files.write(tree.resolve("data.bin"), Trees.pattern(3_500_000));
    FileLayer byDefault = FileLayer.builder().directory(tree, "/").build();
    FileLayer oneWorker = FileLayer.builder().directory(tree, "/").parallelism(1).build();

    Archive.gzipOf(byDefault);
    Archive.gzipOf(oneWorker);

    assertEquals(oneWorker.digest(), byDefault.digest());
  }

  /** Reads dropped unclosed, 4 KiB into 8 MB, stop their workers once they are collected. */
  @Test
  void workersOfReadsDroppedHalfwayStopOnceTheReadsAreCollected() throws Exception {
    Path tree = Files.createDirectories(temp.resolve("big"));
    Files.write(tree.resolve("data.bin"), Trees.pattern(8_000_000));
    FileLayer layer = FileLayer.builder().directory(tree, "/").parallelism(2).build();
    Set<Thread> before = Trees.compressingThreads();
    for (int i = 0; i < 100; i++) {
      assertEquals(4096, layer.compressed().readNBytes(4096).length);
    }

    Instant deadline = Instant.now().plusSeconds(20);
    while (!Trees.newCompressingThreads(before).isEmpty() && Instant.now().isBefore(deadline)) {
      System.gc();
      Thread.sleep(100);
    }

    assertEquals(0, Trees.newCompressingThreads(before).size(), "compressing threads left behind");
  }

  @Test
  void socketIsRefusedNamingIt() throws IOException {
    Path tree = Files.createDirectories(temp.resolve("s"));
    Path socket = tree.resolve("daemon.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      FileLayer layer = FileLayer.builder().directory(tree, "/run").build();

      IOException e = assertThrows(IOException.class, layer::compressed);

      assertTrue(e.getMessage().contains(socket + " is a socket"), e.getMessage());
    }
  }

  @Test
  void followedLinksStoreTheirTargetsAndLoopsAndEscapesAreRefused() throws IOException {
    Path tree = Trees.sample(temp);
    Files.delete(tree.resolve("loop1"));
    Files.delete(tree.resolve("loop2"));
    FileLayer followed = FileLayer.builder().followSymlinks().directory(tree, "/app").build();
    Archive tar = Archive.tarOf(followed);
    assertEquals(TarEntry.Type.HARD_LINK, tar.entry("app/link").type());
    assertEquals("app/data/a.txt", tar.entry("app/link").linkName());

    Files.createSymbolicLink(tree.resolve("loop1"), Path.of("loop2"));
    Files.createSymbolicLink(tree.resolve("loop2"), Path.of("loop1"));
    IOException loop = assertThrows(IOException.class, () -> Archive.tarOf(followed));
    assertTrue(loop.getMessage().contains(tree.resolve("loop1").toString()), loop.getMessage());

    Files.delete(tree.resolve("loop1"));
    Files.delete(tree.resolve("loop2"));
    Files.createSymbolicLink(tree.resolve("data/up"), Path.of(".."));
    IOException cycle = assertThrows(IOException.class, () -> Archive.tarOf(followed));
    assertTrue(cycle.getMessage().contains("cycle"), cycle.getMessage());

    Files.delete(tree.resolve("data/up"));
    Files.createSymbolicLink(tree.resolve("out"), temp);
    IOException escape = assertThrows(IOException.class, () -> Archive.tarOf(followed));
    assertTrue(escape.getMessage().contains("outside the source tree"), escape.getMessage());
  }

  @Test
  void longNamesRoundTrip() throws IOException {
    String name = "a".repeat(120) + "/" + "b".repeat(120) + ".txt";
    FileLayer layer = FileLayer.builder().bytes(name, new byte[] {9}).build();

    assertEquals(name, Archive.tarOf(layer).names().get(1));
  }

  @Test
  void aFileUnderAFileIsRefusedNamingBoth() {
    FileLayer layer =
        FileLayer.builder().bytes("/etc", new byte[0]).bytes("/etc/passwd", new byte[0]).build();

    IOException e = assertThrows(IOException.class, layer::uncompressed);

    assertTrue(e.getMessage().contains("/etc/passwd (from bytes(/etc/passwd))"), e.getMessage());
    assertTrue(e.getMessage().contains("not a directory (from bytes(/etc))"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/a/../b", "/", "", "./a", "a/.", "//", "/a\0b"})
  void badContainerPathsAreRefusedQuotingThem(String path) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> FileLayer.builder().bytes(path, new byte[0]));
    assertTrue(e.getMessage().contains("container path"), e.getMessage());
  }

  @Test
  void containerPathsAreNormalized() throws IOException {
    FileLayer layer = FileLayer.builder().bytes("a//b/", new byte[0]).build();

    assertEquals(List.of("a/", "a/b"), Archive.tarOf(layer).names());
  }

  @Test
  void badOptionsAreRefusedWhenGiven() {
    FileLayer.Builder b = FileLayer.builder();
    assertThrows(IllegalArgumentException.class, () -> b.symlink("/l", ""));
    assertThrows(IllegalArgumentException.class, () -> FileAttributes.builder().fileMode(010000));
    assertThrows(IllegalArgumentException.class, () -> FileLayer.builder().parallelism(0).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> FileLayer.builder().mediaType(MediaType.OCI_UNCOMPRESSED_LAYER).build());
  }

  private static void chmod(String mode, Path path) throws Exception {
    Process chmod = new ProcessBuilder("chmod", mode, path.toString()).inheritIO().start();
    assertEquals(0, chmod.waitFor(), "chmod " + mode + " " + path);
  }

  private static void assertEntry(TarEntry e, TarEntry.Type type, int mode, int uid, String link) {
    assertEquals(type, e.type(), e.name());
    assertEquals(mode, e.mode(), e.name() + " mode " + Long.toOctalString(e.mode()));
    assertEquals(uid, e.uid(), e.name());
    assertEquals(link, e.linkName(), e.name());
  }
}
