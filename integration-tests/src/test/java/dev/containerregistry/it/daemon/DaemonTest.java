package dev.containerregistry.it.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.it.support.Commands;
import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Tag;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.v1.Config;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.daemon.Daemon;
import dev.containerregistry.v1.daemon.EngineException;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.partial.Partial;
import dev.containerregistry.v1.tar.TarEntry;
import dev.containerregistry.v1.tar.TarWriter;
import dev.containerregistry.v1.validate.Validate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * The engine that {@code scripts/test} runs, reached by the SDK over its API socket: an image built
 * in code is loaded and run by Testcontainers, and an image of the engine is read back.
 */
@RegistryTest
class DaemonTest {

  @Test
  void anImageBuiltInCodeIsLoadedAndRunsInAContainer() throws Exception {
    Image image = busyboxEcho("hello from the sdk");
    String tag = "sdk-daemon/echo:" + image.configName().hex().substring(0, 12);
    Daemon daemon = Daemon.fromEnvironment();

    daemon.load(Map.of(Tag.parse(tag), image));
    try (GenericContainer<?> container =
        new GenericContainer<>(DockerImageName.parse(tag))
            .withStartupCheckStrategy(
                new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(60)))) {
      container.start();
      assertEquals("hello from the sdk", container.getLogs().strip());
    } finally {
      Commands.run(List.of("docker", "image", "rm", "-f", tag));
    }
  }

  @Test
  void anImageOfTheEngineIsReadBackWithItsConfigAndLayers() throws Exception {
    Image image = busyboxEcho("read back");
    String tag = "sdk-daemon/read:" + image.configName().hex().substring(0, 12);
    Daemon daemon = Daemon.fromEnvironment();
    daemon.load(Map.of(Tag.parse(tag), image));
    try {
      Image back = daemon.image(Reference.parse(tag));

      Validate.image(back);
      assertEquals(image.configName(), back.configName());
      assertEquals(image.layers().get(0).diffId(), back.layers().get(0).diffId());
    } finally {
      Commands.run(List.of("docker", "image", "rm", "-f", tag));
    }
  }

  @Test
  void anImageTheEngineDoesNotHaveIsReportedWithTheEngineAndItsAnswer() {
    Daemon daemon = Daemon.fromEnvironment();

    EngineException e =
        assertThrows(
            EngineException.class,
            () -> daemon.image(Reference.parse("sdk-daemon/absent:never-built")));

    assertEquals(404, e.status());
    assertTrue(e.getMessage().contains(daemon.address()), e.getMessage());
    assertTrue(
        e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("no such image"),
        e.getMessage());
  }

  /** One layer holding only {@code /busybox} (static), run as {@code /busybox echo <text>}. */
  private static Image busyboxEcho(String text) throws Exception {
    byte[] busybox = Files.readAllBytes(Path.of("/bin/busybox"));
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    try (TarWriter writer = new TarWriter(tar)) {
      writer.write(TarEntry.builder("busybox", TarEntry.Type.REGULAR).mode(0755).build(), busybox);
    }
    byte[] layer = tar.toByteArray();
    Image base =
        Mutate.configFile(
            Empty.image(),
            Empty.image().configFile().toBuilder()
                .os("linux")
                .architecture(architecture())
                .build());
    return Mutate.config(
        Mutate.appendLayers(
            base,
            Partial.uncompressedLayer(
                Hash.sha256(layer), MediaType.DOCKER_LAYER, () -> new ByteArrayInputStream(layer))),
        Config.builder().entrypoint(List.of("/busybox", "echo", text)).build());
  }

  private static String architecture() {
    String arch = System.getProperty("os.arch");
    return arch.equals("aarch64") ? "arm64" : "amd64";
  }
}
