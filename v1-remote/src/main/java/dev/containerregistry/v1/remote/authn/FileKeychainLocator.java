package dev.containerregistry.v1.remote.authn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the credential files live, in the order they are consulted: Docker's {@code config.json}
 * ({@code $DOCKER_CONFIG} or {@code ~/.docker}), {@code $REGISTRY_AUTH_FILE}, and Podman's {@code
 * auth.json} ({@code $XDG_RUNTIME_DIR/containers}, then {@code $XDG_CONFIG_HOME/containers} or
 * {@code ~/.config/containers}).
 */
final class FileKeychainLocator {

  private final KeychainEnvironment env;

  FileKeychainLocator(KeychainEnvironment env) {
    this.env = env;
  }

  List<Keychain> keychains() {
    List<Keychain> keychains = new ArrayList<>();
    for (Path file : files()) {
      keychains.add(new FileKeychain(file, env));
    }
    return keychains;
  }

  List<Path> files() {
    List<Path> files = new ArrayList<>();
    Path dockerDir = env.get("DOCKER_CONFIG").map(Path::of).orElse(env.home().resolve(".docker"));
    files.add(dockerDir.resolve("config.json"));
    env.get("REGISTRY_AUTH_FILE").map(Path::of).ifPresent(files::add);
    env.get("XDG_RUNTIME_DIR")
        .map(d -> Path.of(d, "containers", "auth.json"))
        .ifPresent(files::add);
    Path configHome =
        env.get("XDG_CONFIG_HOME").map(Path::of).orElse(env.home().resolve(".config"));
    files.add(configHome.resolve("containers").resolve("auth.json"));
    return files;
  }
}
