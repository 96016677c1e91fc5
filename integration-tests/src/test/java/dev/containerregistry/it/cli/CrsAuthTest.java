package dev.containerregistry.it.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.it.support.TarStreams;
import dev.containerregistry.testing.Auth;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.testing.RegistryUser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** crs auth against a registry:2 that wants a password, with a Docker config of the test's own. */
@RegistryTest
class CrsAuthTest {

  @TempDir Path dir;

  @Test
  void loginStoresWhatLaterCommandsUseAndLogoutRemovesIt() throws Exception {
    try (RegistryContainer registry =
        new RegistryContainer()
            .withAuth(Auth.BASIC)
            .withUsers(RegistryUser.pusher("alice", "s3cret"))) {
      registry.start();
      CrsRun crs = new CrsRun(dir.resolve("docker"));
      String host = registry.hostPort();
      String ref = registry.ref("auth/app:1");

      CrsRun.Result anonymous = crs.run(TarStreams.small(1000, 1), "append", "-f", "-", "-t", ref);
      CrsCommandsTest.assertOneLineFailure(anonymous, 1, "UNAUTHORIZED");

      crs.run(bytes("wrong\n"), "auth", "login", host, "-u", "alice", "--password-stdin").ok();
      CrsCommandsTest.assertOneLineFailure(crs.run("ls", host + "/auth/app"), 1, "UNAUTHORIZED");

      crs.run(bytes("s3cret\n"), "auth", "login", host, "-u", "alice", "--password-stdin").ok();
      assertTrue(Files.readString(dir.resolve("docker/config.json")).contains(host));
      crs.run(TarStreams.small(1000, 1), "append", "-f", "-", "-t", ref).ok();
      assertEquals("1\n", crs.run("ls", host + "/auth/app").ok().out());
      assertEquals(
          "{\"Username\":\"alice\",\"Secret\":\"s3cret\"}\n",
          crs.run("auth", "get", host).ok().out());
      assertEquals(
          "{\"Username\":\"alice\",\"Secret\":\"s3cret\"}\n",
          crs.run(bytes(host + "\n"), "auth", "get").ok().out());

      crs.run("auth", "logout", host).ok();
      assertEquals(
          "{\"Username\":\"\",\"Secret\":\"\"}\n", crs.run("auth", "get", host).ok().out());
      CrsCommandsTest.assertOneLineFailure(crs.run("ls", host + "/auth/app"), 1, "UNAUTHORIZED");
      CrsCommandsTest.assertOneLineFailure(
          crs.run("auth", "login", host, "-u", "alice"), 2, "--password-stdin");
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
