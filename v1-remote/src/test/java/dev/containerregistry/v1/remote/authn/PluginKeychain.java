package dev.containerregistry.v1.remote.authn;

import dev.containerregistry.name.Registry;

/** A keychain a plugin would ship, found through META-INF/services in the test class path. */
public final class PluginKeychain implements Keychain {

  static final String HOST = "plugin-registry.example.com";

  @Override
  public Authenticator resolve(Registry registry) {
    return registry.name().equals(HOST)
        ? Authenticator.basic("plugin-user", "plugin-pass")
        : Authenticator.anonymous();
  }
}
