package dev.containerregistry.it.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.containerregistry.it.support.Commands;
import dev.containerregistry.it.support.Skopeo;
import dev.containerregistry.it.support.TarStreams;
import dev.containerregistry.name.Reference;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.validate.Validate;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Every crs command against registry:2, each result read back by an independent reader: skopeo, or
 * the SDK's pull side where skopeo cannot say.
 */
class CrsCommandsTest extends CrsTestBase {

  @Test
  void appendFromStdinThenManifestConfigAndDigestAreWhatSkopeoReads(RegistryContainer registry)
      throws Exception {
    byte[] tar = TarStreams.small(2 << 20, 7);
    String ref = registry.ref("cli/append:1");

    String pushed = crs.run(tar, "append", "-f", "-", "-t", ref).ok().out().strip();

    byte[] manifest = crs.run("manifest", ref).ok().stdout();
    assertArrayEquals(Skopeo.rawManifest(ref), manifest);
    assertArrayEquals(Skopeo.rawConfig(ref), crs.run("config", ref).ok().stdout());
    String digest = Hash.sha256(manifest).toString();
    assertEquals(digest + "\n", crs.run("digest", ref).ok().out());
    assertEquals(registry.hostPort() + "/cli/append@" + digest, pushed);
    JsonNode config = JSON.readTree(crs.run("config", ref).ok().stdout());
    assertEquals(
        Hash.sha256(tar).toString(), config.path("rootfs").path("diff_ids").get(0).asText());
    Skopeo.Copied copied = Skopeo.copy(ref, Files.createDirectories(dir.resolve("copy")));
    assertEquals(digest, copied.manifestDigest());
  }

  @Test
  void appendsFilesToABaseAndAnOciImageFromNothing(RegistryContainer registry) throws Exception {
    Path first = dir.resolve("one.tar");
    Files.write(first, TarStreams.small(100_000, 1));
    Path second = dir.resolve("two.tar");
    Files.write(second, TarStreams.small(50_000, 2));
    String base = registry.ref("cli/base:1");
    String top = registry.ref("cli/top:1");
    String oci = registry.ref("cli/oci:1");

    crs.run("append", "-f", first.toString(), "-t", base).ok();
    crs.run("append", "-f", second.toString(), "-b", base, "-t", top).ok();
    crs.run("append", "--oci", "-f", second.toString(), "-t", oci).ok();

    JsonNode topManifest = JSON.readTree(Skopeo.rawManifest(top));
    assertEquals(2, topManifest.path("layers").size());
    assertEquals(
        JSON.readTree(Skopeo.rawManifest(base)).path("layers").get(0),
        topManifest.path("layers").get(0));
    JsonNode ociManifest = JSON.readTree(Skopeo.rawManifest(oci));
    assertEquals(
        "application/vnd.oci.image.manifest.v1+json", ociManifest.path("mediaType").asText());
    assertEquals(
        "application/vnd.oci.image.layer.v1.tar+gzip",
        ociManifest.path("layers").get(0).path("mediaType").asText());
    Skopeo.copy(oci, Files.createDirectories(dir.resolve("oci")));
    assertEquals("PASS: " + top + "\n", crs.run("validate", "--remote", top).ok().out());
  }

  @Test
  void appendsADirectoryAsAFileLayerThatTarLists(RegistryContainer registry) throws Exception {
    Path tree = Files.createDirectories(dir.resolve("tree/etc"));
    Files.writeString(tree.resolve("greeting"), "hello\n");
    String ref = registry.ref("cli/dir:1");

    crs.run("append", "-f", dir.resolve("tree").toString(), "-t", ref).ok();

    Path copy = Files.createDirectories(dir.resolve("dir-copy"));
    Skopeo.Copied copied = Skopeo.copy(ref, copy);
    String hex = copied.layerDigests().get(0).substring("sha256:".length());
    String listing = Commands.run(List.of("tar", "-tzf", copy.resolve(hex).toString()));
    assertEquals(List.of("etc/", "etc/greeting"), sortedLines(listing));
  }

  @Test
  void lsTagAndDeleteChangeWhatTheRegistryLists(RegistryContainer registry) throws Exception {
    String ref = registry.ref("cli/tags:1");
    crs.run(TarStreams.small(1000, 3), "append", "-f", "-", "-t", ref).ok();

    assertEquals(registry.ref("cli/tags:2") + "\n", crs.run("tag", ref, "2").ok().out());
    String repo = registry.hostPort() + "/cli/tags";
    assertEquals(List.of("1", "2"), sortedLines(crs.run("ls", repo).ok().out()));
    assertEquals(
        List.of(registry.ref("cli/tags:1"), registry.ref("cli/tags:2")),
        sortedLines(crs.run("ls", "--full-ref", repo).ok().out()));
    assertArrayEquals(Skopeo.rawManifest(ref), Skopeo.rawManifest(registry.ref("cli/tags:2")));
    assertTrue(crs.run("catalog", registry.hostPort()).ok().out().contains("cli/tags\n"));

    String digest = crs.run("digest", ref).ok().out().strip();
    crs.run("delete", repo + "@" + digest).ok();
    CrsRun.Result gone = crs.run("manifest", ref);
    assertOneLineFailure(gone, 1, "MANIFEST_UNKNOWN");
  }

  @Test
  void mutateChangesTheConfigAndAnnotationsSkopeoSees(RegistryContainer registry) throws Exception {
    String ref = registry.ref("cli/mutate:1");
    String target = registry.ref("cli/mutate:2");
    crs.run(TarStreams.small(1000, 4), "append", "-f", "-", "-t", ref).ok();

    crs.run(
            "mutate",
            ref,
            "-t",
            target,
            "--label",
            "team=sdk",
            "--annotation",
            "note=hi",
            "--env",
            "A=1",
            "--entrypoint",
            "/bin/sh,-c",
            "--cmd",
            "echo hi",
            "--user",
            "1000",
            "--workdir",
            "/app",
            "--exposed-ports",
            "8080",
            "--platform",
            "linux/arm64")
        .ok();

    JsonNode config = JSON.readTree(Skopeo.rawConfig(target));
    JsonNode run = config.path("config");
    assertEquals("sdk", run.path("Labels").path("team").asText());
    assertEquals("A=1", run.path("Env").get(0).asText());
    assertEquals(
        List.of("/bin/sh", "-c"),
        List.of(run.path("Entrypoint").get(0).asText(), run.path("Entrypoint").get(1).asText()));
    assertEquals("echo hi", run.path("Cmd").get(0).asText());
    assertEquals("1000", run.path("User").asText());
    assertEquals("/app", run.path("WorkingDir").asText());
    assertTrue(run.path("ExposedPorts").has("8080/tcp"), run.toString());
    assertEquals("arm64", config.path("architecture").asText());
    assertEquals(
        "hi", JSON.readTree(Skopeo.rawManifest(target)).path("annotations").path("note").asText());
  }

  @Test
  void flattenRebaseAndExportKeepTheFilesystem(RegistryContainer registry) throws Exception {
    String base = registry.ref("cli/fl-base:1");
    String image = registry.ref("cli/fl-image:1");
    String newBase = registry.ref("cli/fl-newbase:1");
    byte[] topTar = TarStreams.small(10_000, 6);
    crs.run(TarStreams.small(10_000, 5), "append", "-f", "-", "-t", base).ok();
    crs.run(topTar, "append", "-f", "-", "-b", base, "-t", image).ok();
    crs.run(TarStreams.small(10_000, 8), "append", "-f", "-", "-t", newBase).ok();

    String flat = registry.ref("cli/flat:1");
    crs.run("flatten", image, "-t", flat).ok();
    String rebased = registry.ref("cli/rebased:1");
    crs.run("rebase", image, "--old-base", base, "--new-base", newBase, "-t", rebased).ok();
    byte[] exported = crs.run("export", image, "-").ok().stdout();

    // Every tar holds the same one file: the top layer's copy wins.
    assertArrayEquals(content(topTar), content(exported));
    Path copy = Files.createDirectories(dir.resolve("flat"));
    Skopeo.Copied flatCopy = Skopeo.copy(flat, copy);
    assertEquals(1, flatCopy.layerDigests().size());
    String hex = flatCopy.layerDigests().get(0).substring("sha256:".length());
    try (InputStream layer = new GZIPInputStream(Files.newInputStream(copy.resolve(hex)))) {
      assertArrayEquals(content(topTar), content(layer.readAllBytes()));
    }
    JsonNode layers = JSON.readTree(Skopeo.rawManifest(rebased)).path("layers");
    assertEquals(2, layers.size());
    assertEquals(layers(newBase).get(0), layers.get(0));
    assertEquals(layers(image).get(1), layers.get(1));
    Validate.image(Remote.image(Reference.parse(rebased), RemoteOptions.defaults()));
    Path file = dir.resolve("fs.tar");
    crs.run("export", flat, file.toString()).ok();
    assertArrayEquals(content(topTar), content(Files.readAllBytes(file)));
  }

  /** The content of the first file of a tar (after its 512-byte header). */
  private static byte[] content(byte[] tar) {
    long size = Long.parseLong(new String(tar, 124, 11, StandardCharsets.US_ASCII).trim(), 8);
    return Arrays.copyOfRange(tar, 512, 512 + (int) size);
  }

  @Test
  void blobIsTheVerifiedBytesOfTheDigest(RegistryContainer registry) throws Exception {
    String ref = registry.ref("cli/blob:1");
    crs.run(TarStreams.small(5000, 9), "append", "-f", "-", "-t", ref).ok();
    String layer = layers(ref).get(0).path("digest").asText();

    byte[] blob = crs.run("blob", registry.hostPort() + "/cli/blob@" + layer).ok().stdout();

    assertEquals(layer, Hash.sha256(blob).toString());
    assertOneLineFailure(
        crs.run("blob", registry.hostPort() + "/cli/blob@sha256:" + "0".repeat(64)),
        1,
        "BLOB_UNKNOWN");
    assertOneLineFailure(crs.run("blob", ref), 2, "not a valid digest reference");
  }

  @Test
  void indexAppendBuildsAnIndexOfTheImages(RegistryContainer registry) throws Exception {
    String amd = registry.ref("cli/idx-amd:1");
    String arm = registry.ref("cli/idx-arm:1");
    crs.run(TarStreams.small(1000, 10), "append", "-f", "-", "-t", amd).ok();
    crs.run("mutate", amd, "--platform", "linux/amd64").ok();
    crs.run("mutate", amd, "-t", arm, "--platform", "linux/arm64").ok();
    String index = registry.ref("cli/idx:1");

    crs.run("index", "append", "-m", amd, "-m", arm, "-t", index).ok();

    JsonNode manifests = JSON.readTree(Skopeo.rawManifest(index)).path("manifests");
    assertEquals(2, manifests.size());
    assertEquals("arm64", manifests.get(1).path("platform").path("architecture").asText());
    assertArrayEquals(
        Skopeo.rawConfig(arm), crs.run("--platform", "linux/arm64", "config", index).ok().stdout());
    assertEquals("PASS: " + index + "\n", crs.run("validate", "--remote", index).ok().out());
  }

  @Test
  void copyAcrossRepositoriesMountsEveryBlob(RegistryContainer registry) throws Exception {
    String source = registry.ref("cli/copy-src:1");
    crs.run(TarStreams.small(300_000, 11), "append", "-f", "-", "-t", source).ok();
    crs.run("tag", source, "2").ok();

    String destination = registry.hostPort() + "/cli/copy-dst";
    crs.run("copy", "--all-tags", "-j", "2", registry.hostPort() + "/cli/copy-src", destination)
        .ok();

    assertEquals(List.of("1", "2"), sortedLines(crs.run("ls", destination).ok().out()));
    assertArrayEquals(Skopeo.rawManifest(source), Skopeo.rawManifest(destination + ":2"));
    List<String> requests =
        registry
            .getLogs()
            .lines()
            .filter(l -> l.contains("/v2/cli/copy-dst/blobs/uploads/"))
            .toList();
    long mounts =
        requests.stream().filter(l -> l.contains("\"POST ") && l.contains("mount=")).count();
    long uploads =
        requests.stream().filter(l -> l.contains("\"PUT ") || l.contains("\"PATCH ")).count();
    assertEquals(2, mounts, String.join("\n", requests));
    assertEquals(0, uploads, String.join("\n", requests));
  }

  @Test
  void badInputGivesTheDocumentedStatusAndOneLine(RegistryContainer registry) throws Exception {
    assertOneLineFailure(crs.run("digest", "Not A Reference"), 2, "is not a valid reference");
    assertOneLineFailure(crs.run("digest"), 2, "REF");
    assertOneLineFailure(crs.run("frobnicate"), 2, "frobnicate");
    assertOneLineFailure(crs.run("--platform", "linux", "config", "x/y"), 2, "platform");
    assertOneLineFailure(
        crs.run("digest", registry.ref("cli/none:missing")), 1, "MANIFEST_UNKNOWN");
    CrsRun.Result verbose = crs.run("-v", "digest", registry.ref("cli/none:missing"));
    assertEquals(1, verbose.exit());
    assertTrue(verbose.stderr().contains("\tat "), "a stack trace with -v: " + verbose.stderr());
  }

  @Test
  void helpIsCompleteForEveryCommand() throws Exception {
    String help = crs.run("--help").ok().out();
    for (String command :
        List.of(
            "digest",
            "manifest",
            "config",
            "ls",
            "catalog",
            "blob",
            "validate",
            "append",
            "mutate",
            "flatten",
            "rebase",
            "tag",
            "delete",
            "index",
            "copy",
            "pull",
            "push",
            "export",
            "load",
            "auth")) {
      assertTrue(help.contains("  " + command), command + " in: " + help);
      String own = crs.run(command, "--help").ok().out();
      assertTrue(own.startsWith("Usage: crs " + command), own);
    }
    assertTrue(help.contains("Exit status"), help);
  }

  private static List<String> sortedLines(String text) {
    return text.lines().sorted().toList();
  }

  private static List<JsonNode> layers(String ref) throws Exception {
    List<JsonNode> layers = new java.util.ArrayList<>();
    JSON.readTree(Skopeo.rawManifest(ref)).path("layers").forEach(layers::add);
    return layers;
  }
}
