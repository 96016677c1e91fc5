package dev.containerregistry.v1.remote.authn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.name.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigFileTest {

  private static final Registry EXAMPLE = Registry.parse("registry.example.com");

  @TempDir Path dir;

  @Test
  void aStoredLoginIsWhatTheFileKeychainReadsBack() throws IOException {
    Path file = dir.resolve("docker/config.json");
    DockerConfigFile.at(file).login(EXAMPLE, "alice", "s3cret");
    AuthConfig read = Keychain.file(file).resolve(EXAMPLE).authorization().decoded();
    assertEquals("alice", read.username());
    assertEquals("s3cret", read.password());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void loginReplacesTheHostsEntryAndKeepsEverythingElse() throws IOException {
    Path file = dir.resolve("config.json");
    Files.writeString(
        file,
        "{\"auths\":{\"https://registry.example.com/v1/\":{\"auth\":\"b2xkOm9sZA==\"},"
            + "\"other.example\":{\"auth\":\"eDp5\"}},\"psFormat\":\"table\"}");
    DockerConfigFile.at(file).login(EXAMPLE, "bob", "new");
    String text = Files.readString(file);
    assertFalse(text.contains("https://registry.example.com/v1/"), text);
    assertTrue(text.contains("other.example") && text.contains("psFormat"), text);
    assertEquals("bob", Keychain.file(file).resolve(EXAMPLE).authorization().decoded().username());
  }

  @Test
  void logoutRemovesOnlyThatHost() throws IOException {
    Path file = dir.resolve("config.json");
    DockerConfigFile config = DockerConfigFile.at(file);
    config.login(EXAMPLE, "alice", "pw");
    config.login(Registry.parse("other.example"), "carol", "pw");
    assertTrue(config.logout(EXAMPLE));
    assertFalse(config.logout(EXAMPLE));
    assertTrue(Keychain.file(file).resolve(EXAMPLE).authorization().isAnonymous());
    assertFalse(
        Keychain.file(file).resolve(Registry.parse("other.example")).authorization().isAnonymous());
  }

  @Test
  void refusesToStoreWhatAHelperManages() throws IOException {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"credsStore\":\"desktop\"}");
    IOException e =
        assertThrows(
            IOException.class, () -> DockerConfigFile.at(file).login(EXAMPLE, "alice", "pw"));
    assertTrue(e.getMessage().contains("docker-credential-desktop"), e.getMessage());
  }

  @Test
  void aMalformedFileIsNamedWithoutItsContent() throws IOException {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"auths\": {\"x\": \"secretvalue");
    IOException e =
        assertThrows(
            IOException.class, () -> DockerConfigFile.at(file).login(EXAMPLE, "alice", "pw"));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertFalse(e.getMessage().contains("secretvalue"), e.getMessage());
  }
}
