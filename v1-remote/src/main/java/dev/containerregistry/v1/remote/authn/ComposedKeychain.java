package dev.containerregistry.v1.remote.authn;

import dev.containerregistry.name.Registry;
import java.io.IOException;
import java.util.List;

/** Asks keychains in order; the first non-anonymous answer wins. */
final class ComposedKeychain implements Keychain {

  private final List<Keychain> keychains;

  ComposedKeychain(List<Keychain> keychains) {
    this.keychains = List.copyOf(keychains);
  }

  @Override
  public Authenticator resolve(Registry registry) throws IOException {
    for (Keychain keychain : keychains) {
      Authenticator found = keychain.resolve(registry);
      AuthConfig config = found.authorization();
      if (!config.isAnonymous()) {
        return Authenticator.of(config);
      }
    }
    return Authenticator.anonymous();
  }
}
