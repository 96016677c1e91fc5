package dev.containerregistry.it.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.examples.PushFiles;
import dev.containerregistry.it.support.Commands;
import dev.containerregistry.it.support.Skopeo;
import dev.containerregistry.name.Reference;
import dev.containerregistry.testing.Prerequisites;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.files.FileAttributes;
import dev.containerregistry.v1.files.FileLayer;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.tar.TarEntry;
import dev.containerregistry.v1.tar.TarReader;
import dev.containerregistry.v1.validate.Validate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A FileLayer pushed on an OCI base to registry:2, read back by skopeo and listed by the system's
 * tar; the same layer rebuilt after touching the files; a 1 GiB tree pushed by a 64 MiB JVM.
 */
@RegistryTest
class FileLayerPushTest {

  private static final RemoteOptions OPTIONS = RemoteOptions.defaults();

  @TempDir Path temp;

  @Test
  void pushedLayerListsAsWrittenWithTheSystemTarAndExtractsTheSameEntries(
      RegistryContainer registry) throws Exception {
    Prerequisites.requireTool("tar");
    Path tree = sampleTree(temp.resolve("tree"));
    FileLayer layer = sampleLayer(tree);
    Image image =
        Mutate.appendLayers(
            Mutate.config(Empty.ociImage(), c -> c.entrypoint(List.of("/app/bin/run.sh"))), layer);
    Reference ref = Reference.parse(registry.ref("files/app:v1"));

    Remote.write(ref, image, OPTIONS);

    Path copy = temp.resolve("copy");
    Skopeo.Copied copied = Skopeo.copy(ref.toString(), copy);
    assertEquals(List.of(layer.digest().toString()), copied.layerDigests());
    Path blob = copy.resolve("blobs/sha256/" + layer.digest().hex());
    String listing = Commands.run(List.of("tar", "-tvvzf", blob.toString()));
    assertListed(listing, "-rwxr-xr-x 1000/1000", "app/bin/run.sh");
    assertListed(listing, "-rw-r--r-- 1000/1000", "app/data/a.txt");
    assertListed(listing, "hrw-r--r-- 1000/1000", "app/data/b.txt link to app/data/a.txt");
    assertListed(listing, "lrwxrwxrwx 1000/1000", "app/link -> data/a.txt");
    assertListed(listing, "lrwxrwxrwx 1000/1000", "app/loop1 -> loop2");
    assertListed(listing, "lrwxrwxrwx 1000/1000", "app/loop2 -> loop1");
    assertListed(listing, "drwxr-xr-x 1000/1000", "app/bin/");
    assertListed(listing, "-rw-r--r-- 0/0", "app/.wh.old");
    assertListed(listing, "drwxr-xr-x 0/0", "etc/");
    assertListed(listing, "-rw-r--r-- 0/0", "etc/motd");

    Image pulled = Remote.image(ref, OPTIONS);
    Validate.image(pulled);
    assertEquals(MediaType.OCI_MANIFEST, pulled.mediaType());
    assertEquals(List.of("/app/bin/run.sh"), pulled.configFile().config().entrypoint());
    List<String> layerNames = new ArrayList<>();
    for (String name : names(layer.uncompressed())) {
      if (!name.contains(".wh.")) {
        // extract writes names cleaned, as Go's does: directories without the trailing '/'.
        layerNames.add(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
      }
    }
    assertEquals(layerNames, names(Mutate.extract(pulled)));
  }

  @Test
  void theExampleProgramPushesADirectoryAndAScriptWithTheEntrypointSet(RegistryContainer registry)
      throws Exception {
    Path tree = sampleTree(temp.resolve("tree"));
    Reference ref = Reference.parse(registry.ref("files/example:v1"));

    Image pushed =
        PushFiles.push(
            ref,
            tree.resolve("data"),
            tree.resolve("bin/run.sh"),
            new PrintStream(OutputStream.nullOutputStream(), true, UTF_8));

    Image pulled = Remote.image(ref, OPTIONS);
    assertEquals(pushed.digest(), pulled.digest());
    assertEquals(List.of("/app/run"), pulled.configFile().config().entrypoint());
    assertEquals(
        List.of("app", "app/a.txt", "app/b.txt", "app/run"), names(Mutate.extract(pulled)));
  }

  @Test
  void theSameLayerBuiltAgainAfterTouchingTheFilesHasTheSameDigest(RegistryContainer registry)
      throws Exception {
    Path tree = sampleTree(temp.resolve("tree"));
    touch(tree, Instant.parse("2024-01-01T00:00:00Z"));
    FileLayer first = sampleLayer(tree);
    Reference one = Reference.parse(registry.ref("files/again:one"));
    Remote.write(one, Mutate.appendLayers(Empty.ociImage(), first), OPTIONS);

    touch(tree, Instant.parse("2024-01-01T00:01:00Z"));
    FileLayer second = sampleLayer(tree);
    Reference two = Reference.parse(registry.ref("files/again:two"));
    Remote.write(two, Mutate.appendLayers(Empty.ociImage(), second), OPTIONS);

    assertEquals(first.digest(), second.digest());
    assertEquals(Remote.head(one, OPTIONS).digest(), Remote.head(two, OPTIONS).digest());
  }

  @Test
  void oneGibTreeIsPushedByA64MibJvm(RegistryContainer registry) throws Exception {
    Path big = Files.createDirectories(temp.resolve("big"));
    writeFiles(big, 64, 16 << 20);
    String ref = registry.ref("files/big:1g");
    Process child =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    HeapProbe.class.getName(),
                    ref,
                    big.toString()))
            .redirectErrorStream(true)
            .start();
    child.getOutputStream().close();
    String printed = new String(child.getInputStream().readAllBytes(), UTF_8);
    assertTrue(child.waitFor(10, TimeUnit.MINUTES), "child finished");
    assertEquals(0, child.exitValue(), printed);

    Matcher layer = Pattern.compile("(?m)^layer (\\S+)$").matcher(printed);
    assertTrue(layer.find(), printed);
    String manifest = new String(Skopeo.rawManifest(ref), UTF_8);
    assertTrue(manifest.contains(layer.group(1)), manifest);
    Matcher peak = Pattern.compile("(?m)^heap-peak (\\d+)$").matcher(printed);
    assertTrue(peak.find(), printed);
    assertTrue(Long.parseLong(peak.group(1)) <= 64L << 20, printed);
    System.out.println("[FileLayerPushTest] 1 GiB tree, -Xmx64m: " + printed.replace('\n', ' '));
  }

  /** The tree the issue asks for: a 0755 script, a hard-link pair, a link to a file, a loop. */
  private static Path sampleTree(Path tree) throws IOException {
    Files.createDirectories(tree.resolve("bin"));
    Files.createDirectories(tree.resolve("data"));
    Files.writeString(tree.resolve("bin/run.sh"), "#!/bin/sh\necho hello\n");
    Files.setPosixFilePermissions(
        tree.resolve("bin/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(tree.resolve("data/a.txt"), "alpha\n");
    Files.setPosixFilePermissions(
        tree.resolve("data/a.txt"), PosixFilePermissions.fromString("rw-r--r--"));
    Files.createLink(tree.resolve("data/b.txt"), tree.resolve("data/a.txt"));
    Files.createSymbolicLink(tree.resolve("link"), Path.of("data/a.txt"));
    Files.createSymbolicLink(tree.resolve("loop1"), Path.of("loop2"));
    Files.createSymbolicLink(tree.resolve("loop2"), Path.of("loop1"));
    for (String dir : List.of("bin", "data")) {
      Files.setPosixFilePermissions(
          tree.resolve(dir), PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return tree;
  }

  private static FileLayer sampleLayer(Path tree) {
    return FileLayer.builder()
        .directory(tree, "/app", FileAttributes.builder().owner(1000, 1000).build())
        .whiteout("/app/old")
        .bytes("/etc/motd", "hello\n".getBytes(UTF_8))
        .build();
  }

  private static void touch(Path root, Instant time) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        if (!Files.isSymbolicLink(p)) {
          Files.setLastModifiedTime(p, FileTime.from(time));
        }
      }
    }
  }

  private static void writeFiles(Path dir, int count, int size) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    byte[] block = new byte[1 << 20];
    for (int i = 0; i < count; i++) {
      try (OutputStream out = Files.newOutputStream(dir.resolve(String.format("file-%03d", i)))) {
        for (int written = 0; written < size; written += block.length) {
          random.nextBytes(block);
          out.write(block);
        }
      }
    }
  }

  private static List<String> names(InputStream tar) throws IOException {
    List<String> names = new ArrayList<>();
    try (tar) {
      TarReader reader = new TarReader(tar, "layer");
      for (TarEntry e = reader.next(); e != null; e = reader.next()) {
        names.add(e.name());
      }
    }
    return names;
  }

  private static void assertListed(String listing, String modeAndOwner, String nameAndLink) {
    Pattern line =
        Pattern.compile(
            "(?m)^" + Pattern.quote(modeAndOwner) + " .* " + Pattern.quote(nameAndLink) + "$");
    assertTrue(line.matcher(listing).find(), modeAndOwner + " " + nameAndLink + " in\n" + listing);
  }
}
