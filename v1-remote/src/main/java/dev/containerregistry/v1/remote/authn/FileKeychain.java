package dev.containerregistry.v1.remote.authn;

import dev.containerregistry.name.Registry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One Docker-format credential file, read on each lookup (so a later {@code docker login} is seen):
 * a credential helper named for the registry or the default store wins; else the {@code auths}
 * entry for the registry's host; else anonymous.
 */
final class FileKeychain implements Keychain {

  private final Path file;
  private final KeychainEnvironment env;

  FileKeychain(Path file, KeychainEnvironment env) {
    this.file = file;
    this.env = env;
  }

  @Override
  public Authenticator resolve(Registry registry) throws IOException {
    AuthFile config = AuthFile.read(file);
    String host = RegistryKeys.hostOf(registry.name());
    String serverKey = RegistryKeys.serverKey(registry);
    Optional<String> helper = config.helper(host, serverKey);
    if (helper.isPresent()) {
      CredentialHelper credentialHelper =
          new CredentialHelper(helper.get(), env, env.helperTimeout());
      return () -> credentialHelper.get(serverKey);
    }
    return Authenticator.of(config.auth(host).orElse(AuthConfig.anonymous()));
  }

  @Override
  public String toString() {
    return "credentials file " + file;
  }
}
