package dev.containerregistry.v1.remote.authn;

import dev.containerregistry.name.Registry;
import java.io.IOException;
import java.util.List;
import java.util.ServiceLoader;

/** The keychains plugins list under {@code META-INF/services}, loaded once, asked in order. */
final class ServiceLoadedKeychain implements Keychain {

  private final Keychain composed;

  ServiceLoadedKeychain() {
    List<Keychain> found =
        ServiceLoader.load(Keychain.class).stream().map(ServiceLoader.Provider::get).toList();
    this.composed = new ComposedKeychain(found);
  }

  @Override
  public Authenticator resolve(Registry registry) throws IOException {
    return composed.resolve(registry);
  }
}
