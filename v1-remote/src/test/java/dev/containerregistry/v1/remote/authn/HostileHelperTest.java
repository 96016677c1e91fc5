package dev.containerregistry.v1.remote.authn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.name.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credential helpers that hang, keep stdout open or print their secret while failing. */
class HostileHelperTest {

  private static final Registry EXAMPLE = Registry.parse("registry.example.com");

  @TempDir Path home;

  private Keychain helperSaying(String body) throws IOException {
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path script = bin.resolve("docker-credential-evil");
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createDirectories(home.resolve(".docker"));
    Files.writeString(home.resolve(".docker/config.json"), "{\"credsStore\":\"evil\"}");
    KeychainEnvironment env =
        new KeychainEnvironment(
            Map.of("PATH", bin + ":/usr/bin:/bin"), home, Duration.ofMillis(500));
    return new ComposedKeychain(new FileKeychainLocator(env).keychains());
  }

  @Test
  void aHelperThatHangsIsKilledAfterTheTimeout() throws IOException {
    Keychain keychain = helperSaying("exec sleep 60");
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> keychain.resolve(EXAMPLE)));
    assertTrue(e.getMessage().contains("did not answer within 500 ms"), e.getMessage());
  }

  @Test
  void aHelperWhoseChildKeepsStdoutOpenDoesNotBlockTheCaller() throws IOException {
    Keychain keychain = helperSaying("sleep 60 &\nexit 0");
    assertThrows(
        IOException.class,
        () -> assertTimeoutPreemptively(Duration.ofSeconds(10), () -> keychain.resolve(EXAMPLE)));
  }

  @Test
  void aFailingHelpersOutputNeverReachesTheMessage() throws IOException {
    Keychain keychain = helperSaying("printf 'oops: password=hunter2'\nexit 3");
    IOException e = assertThrows(IOException.class, () -> keychain.resolve(EXAMPLE));
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    assertEquals(
        "docker-credential-evil get failed for registry.example.com (exit 3)", e.getMessage());
  }
}
