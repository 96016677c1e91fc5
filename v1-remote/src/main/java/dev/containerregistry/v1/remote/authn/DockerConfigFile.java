package dev.containerregistry.v1.remote.authn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.containerregistry.name.Registry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores and removes credentials in a Docker {@code config.json}, the file {@link
 * Keychain#defaultKeychain()} reads first: what {@code docker login} and {@code docker logout} do
 * for registries that no credential helper manages. Every other field of the file is kept; the file
 * is replaced atomically and, on POSIX file systems, readable by its owner only.
 */
public final class DockerConfigFile {

  private final Path file;

  private DockerConfigFile(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  /** The Docker config file at {@code file}, which need not exist yet. */
  public static DockerConfigFile at(Path file) {
    return new DockerConfigFile(file);
  }

  /** {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}. */
  public static DockerConfigFile standard() {
    return new DockerConfigFile(
        new FileKeychainLocator(KeychainEnvironment.system()).files().get(0));
  }

  /** Where the file is. */
  public Path path() {
    return file;
  }

  /**
   * Stores {@code username} and {@code password} for {@code registry} under {@code auths},
   * replacing any entry for the same host.
   *
   * @throws IOException when the file cannot be read or written, or a credential helper ({@code
   *     credHelpers}, {@code credsStore}) manages this registry: the password would not be used
   */
  public void login(Registry registry, String username, String password) throws IOException {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Optional<String> helper =
        AuthFile.read(file)
            .helper(RegistryKeys.hostOf(registry.name()), RegistryKeys.serverKey(registry));
    if (helper.isPresent()) {
      throw new IOException(
          "storing credentials for "
              + registry
              + " in "
              + file
              + ": the credential helper docker-credential-"
              + helper.get()
              + " manages this registry; log in through it");
    }
    ObjectNode root = readRoot();
    ObjectNode auths =
        root.get("auths") instanceof ObjectNode existing ? existing : root.putObject("auths");
    removeEntries(auths, registry);
    String pair = username + ":" + password;
    auths
        .putObject(RegistryKeys.serverKey(registry))
        .put("auth", Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    write(root);
  }

  /**
   * Removes every {@code auths} entry for {@code registry}'s host.
   *
   * @return whether there was one
   * @throws IOException when the file cannot be read or written
   */
  public boolean logout(Registry registry) throws IOException {
    Objects.requireNonNull(registry, "registry");
    ObjectNode root = readRoot();
    JsonNode auths = root.path("auths");
    if (!(auths instanceof ObjectNode entries) || !removeEntries(entries, registry)) {
      return false;
    }
    write(root);
    return true;
  }

  private static boolean removeEntries(ObjectNode auths, Registry registry) {
    String host = RegistryKeys.hostOf(registry.name());
    List<String> keys = new ArrayList<>();
    auths.fieldNames().forEachRemaining(keys::add);
    boolean removed = false;
    for (String key : keys) {
      if (RegistryKeys.hostOf(key).equals(host)) {
        auths.remove(key);
        removed = true;
      }
    }
    return removed;
  }

  private ObjectNode readRoot() throws IOException {
    JsonNode root = SecretJson.read(file, "reading " + file);
    if (root.isMissingNode()) {
      return SecretJson.JSON.createObjectNode();
    }
    if (root instanceof ObjectNode object) {
      return object;
    }
    throw new IOException("reading " + file + ": not a JSON object");
  }

  private void write(ObjectNode root) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, ".config", ".json.tmp");
    try {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      }
      Files.write(temp, SecretJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
