package dev.containerregistry.v1.remote.authn;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds the {@linkplain Keychain#defaultKeychain() default keychain}, built once, when first asked
 * for (the class is initialised then), not each time options are made.
 */
final class DefaultKeychain {

  static final Keychain INSTANCE = build();

  private DefaultKeychain() {}

  private static Keychain build() {
    List<Keychain> all =
        new ArrayList<>(new FileKeychainLocator(KeychainEnvironment.system()).keychains());
    all.add(Keychain.serviceLoaded());
    return new ComposedKeychain(all);
  }
}
