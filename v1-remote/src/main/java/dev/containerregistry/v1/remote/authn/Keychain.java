package dev.containerregistry.v1.remote.authn;

import dev.containerregistry.name.Registry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the credentials for a registry. Keychains compose: the first one that knows the registry
 * (returns non-anonymous credentials) wins. Plugin authors add their own by implementing this
 * interface and listing the class in {@code
 * META-INF/services/dev.containerregistry.v1.remote.authn.Keychain}; the {@linkplain
 * #defaultKeychain() default keychain} consults them after the files it reads.
 */
@FunctionalInterface
public interface Keychain {

  /**
   * The authenticator for {@code registry}; {@link Authenticator#anonymous()} when this keychain
   * knows nothing about it.
   *
   * @throws IOException when a credential source exists but cannot be read (a malformed file, a
   *     failing credential helper)
   */
  Authenticator resolve(Registry registry) throws IOException;

  /**
   * Docker's {@code config.json} ({@code $DOCKER_CONFIG} or {@code ~/.docker}: {@code auths},
   * {@code credHelpers}, {@code credsStore}), then {@code $REGISTRY_AUTH_FILE}, then Podman's
   * {@code auth.json} ({@code $XDG_RUNTIME_DIR/containers}, then {@code ~/.config/containers}),
   * then keychains found by {@link ServiceLoader}; anonymous when none knows the registry.
   *
   * <p>One instance per JVM, built on the first call: the file locations come from the environment
   * and the plugins from the class path (through the calling thread's context class loader) as they
   * are then. The files themselves are read on each lookup, so a later {@code docker login} is
   * seen.
   */
  static Keychain defaultKeychain() {
    return DefaultKeychain.INSTANCE;
  }

  /** A keychain that knows no registry. */
  static Keychain anonymous() {
    return registry -> Authenticator.anonymous();
  }

  /** Asks each keychain in turn and returns the first non-anonymous answer. */
  static Keychain compose(Keychain... keychains) {
    return new ComposedKeychain(List.of(keychains));
  }

  /** The keychains listed under {@code META-INF/services} on the class path, composed. */
  static Keychain serviceLoaded() {
    return new ServiceLoadedKeychain();
  }

  /**
   * The Docker-format file {@code file} ({@code config.json}, a containers {@code auth.json}): its
   * credential helpers and {@code auths} entries.
   */
  static Keychain file(Path file) {
    return new FileKeychain(file, KeychainEnvironment.system());
  }
}
