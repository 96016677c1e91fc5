package dev.containerregistry.it.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.containerregistry.it.support.Commands;
import dev.containerregistry.it.support.Skopeo;
import dev.containerregistry.it.support.TarStreams;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.v1.Hash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The commands that move images between a registry, the disk and the local Docker engine: {@code
 * pull}, {@code push}, {@code validate --layout/--tarball} and {@code load}, each result read back
 * by an independent reader (docker, skopeo).
 */
class CrsDiskAndEngineTest extends CrsTestBase {

  @Test
  void pullFormatTarballIsWhatDockerLoads(RegistryContainer registry) throws Exception {
    String ref = registry.ref("cli/pull-tar:1");
    crs.run(TarStreams.small(200_000, 21), "append", "-f", "-", "-t", ref).ok();
    String configDigest = Hash.sha256(Skopeo.rawConfig(ref)).toString();
    Path tar = dir.resolve("image.tar");

    String pulled = crs.run("pull", "--format", "tarball", ref, tar.toString()).ok().out();

    assertEquals(
        registry.hostPort() + "/cli/pull-tar@" + Hash.sha256(Skopeo.rawManifest(ref)) + "\n",
        pulled);
    try {
      String loaded = Commands.run(List.of("docker", "load", "-i", tar.toString()));
      assertTrue(loaded.contains(ref), loaded);
      assertEquals(configDigest, inspect(ref, "{{.Id}}"));
      assertEquals("[" + ref + "]", inspect(ref, "{{.RepoTags}}"));
    } finally {
      Commands.run(List.of("docker", "image", "rm", "-f", ref));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(tar), files.filter(f -> f.toString().endsWith("tar")).toList());
    }
    assertEquals(
        "PASS: " + tar + "\n", crs.run("validate", "--tarball", tar.toString()).ok().out());
  }

  @Test
  void pullFormatOciIsALayoutSkopeoReadsAndPushSendsItBack(RegistryContainer registry)
      throws Exception {
    String ref = registry.ref("cli/pull-oci:1");
    String second = registry.ref("cli/pull-oci:2");
    crs.run(TarStreams.small(100_000, 22), "append", "--oci", "-f", "-", "-t", ref).ok();
    crs.run(TarStreams.small(100_000, 23), "append", "--oci", "-f", "-", "-t", second).ok();
    Path layout = dir.resolve("layout");

    crs.run("pull", ref, layout.toString()).ok();
    crs.run("pull", second, layout.toString()).ok();

    assertArrayEquals(Skopeo.rawManifest(ref), skopeoRaw("oci:" + layout + ":1"));
    assertArrayEquals(Skopeo.rawManifest(second), skopeoRaw("oci:" + layout + ":2"));
    JsonNode inspected =
        JSON.readTree(Commands.run(List.of("skopeo", "inspect", "oci:" + layout + ":1")));
    assertEquals(
        Hash.sha256(Skopeo.rawManifest(ref)).toString(), inspected.path("Digest").asText());
    assertEquals(
        "PASS: " + layout + "\n", crs.run("validate", "--layout", layout.toString()).ok().out());

    // Two entries: push needs --index; a layout of one entry is pushed as that image.
    String all = registry.ref("cli/pushed-index:1");
    assertOneLineFailure(crs.run("push", layout.toString(), all), 2, "--index");
    crs.run("push", "--index", layout.toString(), all).ok();
    assertEquals(2, JSON.readTree(Skopeo.rawManifest(all)).path("manifests").size());
    Path one = dir.resolve("one");
    crs.run("pull", ref, one.toString()).ok();
    String back = registry.ref("cli/pushed-layout:1");
    String printed = crs.run("push", one.toString(), back).ok().out();
    assertArrayEquals(Skopeo.rawManifest(ref), Skopeo.rawManifest(back));
    assertEquals(
        registry.hostPort() + "/cli/pushed-layout@" + Hash.sha256(Skopeo.rawManifest(ref)) + "\n",
        printed);
  }

  @Test
  void pushATarballKeepsItsManifestAndConfig(RegistryContainer registry) throws Exception {
    String ref = registry.ref("cli/push-tar-src:1");
    crs.run(TarStreams.small(150_000, 24), "append", "-f", "-", "-t", ref).ok();
    Path tar = dir.resolve("src.tar");
    crs.run("pull", "--format", "tarball", ref, tar.toString()).ok();
    String target = registry.ref("cli/push-tar:1");

    crs.run("push", tar.toString(), target).ok();

    assertArrayEquals(Skopeo.rawConfig(ref), Skopeo.rawConfig(target));
    assertArrayEquals(Skopeo.rawManifest(ref), Skopeo.rawManifest(target));
    Skopeo.copy(target, Files.createDirectories(dir.resolve("copy")));
  }

  @Test
  void loadPutsTheImageIntoTheEngineUnderItsTagOrTarget(RegistryContainer registry)
      throws Exception {
    String ref = registry.ref("cli/load:1");
    crs.run(TarStreams.small(80_000, 25), "append", "-f", "-", "-t", ref).ok();
    String configDigest = Hash.sha256(Skopeo.rawConfig(ref)).toString();
    String renamed = "crs-load/renamed:" + configDigest.substring(7, 19);
    String digestRef = registry.hostPort() + "/cli/load@" + Hash.sha256(Skopeo.rawManifest(ref));
    try {
      assertEquals(ref + "\n", crs.run("load", ref).ok().out());
      assertEquals(configDigest, inspect(ref, "{{.Id}}"));

      crs.run("load", digestRef, "-t", renamed).ok();
      assertEquals(configDigest, inspect(renamed, "{{.Id}}"));
    } finally {
      Commands.run(List.of("docker", "image", "rm", "-f", ref, renamed));
    }
    assertOneLineFailure(crs.run("load", digestRef), 2, "give -t TARGET");
  }

  @Test
  void badPathsAndTagsGiveTheDocumentedStatusAndOneLine(RegistryContainer registry)
      throws Exception {
    String ref = registry.ref("cli/bad:1");
    String missing = dir.resolve("missing").toString();
    Path notLayout = Files.createDirectories(dir.resolve("not-a-layout"));
    Path notTarball = Files.writeString(dir.resolve("not.tar"), "hello");
    Path tar = dir.resolve("unknown.tar");

    assertOneLineFailure(crs.run("push", missing, ref), 1, "no such layout directory or tarball");
    assertOneLineFailure(crs.run("push", notLayout.toString(), ref), 1, "oci-layout");
    assertOneLineFailure(crs.run("push", notTarball.toString(), ref), 1, "not.tar");
    assertOneLineFailure(crs.run("validate", "--layout", notLayout.toString()), 1, "oci-layout");
    assertOneLineFailure(crs.run("validate", "--tarball", missing), 1, "missing");
    assertOneLineFailure(
        crs.run("pull", "--format", "tarball", registry.ref("cli/bad:unknown"), tar.toString()),
        1,
        "MANIFEST_UNKNOWN");
    assertFalse(Files.exists(tar), "a failed pull leaves no file");
    assertOneLineFailure(
        crs.run("pull", registry.ref("cli/bad:unknown"), missing), 1, "MANIFEST_UNKNOWN");
    assertOneLineFailure(
        crs.run("pull", "--format", "zip", ref, tar.toString()), 2, "oci or tarball");
    assertOneLineFailure(crs.run("validate"), 2, "--remote");
    assertOneLineFailure(
        crs.run("validate", "--remote", ref, "--layout", notLayout.toString()), 2, "--layout");
    assertOneLineFailure(crs.run("pull", "Not A Ref", missing), 2, "is not a valid reference");
    assertOneLineFailure(crs.run("load", registry.ref("cli/bad:unknown")), 1, "MANIFEST_UNKNOWN");
  }

  private static byte[] skopeoRaw(String transportRef) throws Exception {
    Process process =
        new ProcessBuilder("skopeo", "inspect", "--raw", transportRef)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    assertEquals(0, process.waitFor(), "skopeo inspect --raw " + transportRef);
    return out;
  }

  private static String inspect(String image, String format) throws Exception {
    return Commands.run(List.of("docker", "image", "inspect", "--format", format, image)).strip();
  }
}
