package dev.containerregistry.name;

import java.util.Objects;

/**
 * A registry host such as {@code gcr.io}, {@code localhost:5000} or {@code index.docker.io} (Docker
 * Hub, also written {@code docker.io}). Immutable; two registries are equal when their {@link
 * #name()} and {@link #scheme()} are.
 */
public final class Registry {

  private static final String DOCKER_HUB_ALIAS = "docker.io";

  /**
   * The longest registry name accepted: room for any realistic host and port (a DNS name alone may
   * have 253 characters). The reference design sets no limit; this one bounds hostile input.
   */
  static final int MAX_LENGTH = 255;

  private final String name;
  private final boolean insecure;

  private Registry(String name, boolean insecure) {
    this.name = name;
    this.insecure = insecure;
  }

  /**
   * Parses a registry name, {@code host[:port]}. The empty string means the default registry
   * (refused under {@link NameOption#strict()}); {@code docker.io} is rewritten to {@code
   * index.docker.io}.
   *
   * @throws BadNameException if {@code name} is not a valid URI authority or is longer than 255
   *     characters
   */
  public static Registry parse(String name, NameOption... options) {
    Objects.requireNonNull(name, "name");
    return parse(name, ParseSettings.of(options), name);
  }

  /** Parses {@code name}, a part of {@code input} that errors quote. */
  static Registry parse(String name, ParseSettings settings, String input) {
    if (settings.strict() && name.isEmpty()) {
      throw new BadNameException(
          "strict validation requires the registry to be explicitly defined", input);
    }
    checkAuthority(name, input);
    String resolved = name.isEmpty() ? settings.defaultRegistry() : name;
    if (resolved.equals(DOCKER_HUB_ALIAS)) {
      resolved = ParseSettings.DEFAULT_REGISTRY;
    }
    return new Registry(resolved, settings.insecure());
  }

  /** Refuses {@code name}, quoting {@code input}, unless it is a short enough URI authority. */
  static void checkAuthority(String name, String input) {
    if (name.length() > MAX_LENGTH) {
      throw new BadNameException(
          "registry must be at most " + MAX_LENGTH + " characters in length, got " + name.length(),
          input);
    }
    if (!Authority.isValid(name)) {
      throw new BadNameException(
          "registries must be valid RFC 3986 URI authorities (host[:port])", input);
    }
  }

  /**
   * Whether the first path element of a repository reference names a registry: it is {@code
   * localhost} or contains a {@code .} or a {@code :}.
   */
  static boolean looksLikeHost(String element) {
    return element.equals("localhost") || element.indexOf('.') >= 0 || element.indexOf(':') >= 0;
  }

  /** The registry's {@code host[:port]}, for example {@code index.docker.io}. */
  public String name() {
    return name;
  }

  /**
   * True when the registry was parsed with {@link NameOption#insecure()}: the user accepts plain
   * http (and, in the registry client, sending credentials over it).
   */
  public boolean insecure() {
    return insecure;
  }

  /**
   * {@code http} for insecure registries, {@code localhost:PORT}, {@code *.localhost}, loopback
   * addresses and private (RFC 1918) IPv4 addresses; {@code https} for all others.
   */
  public String scheme() {
    return insecure || PlainHttpHosts.contains(name) ? "http" : "https";
  }

  /**
   * The token scope for listing the registry's catalog, {@code registry:catalog:*}: the only
   * registry-wide resource a token scope names.
   */
  public String catalogScope() {
    return "registry:catalog:*";
  }

  /**
   * The repository {@code path} in this registry, for example {@code library/ubuntu}.
   *
   * @throws BadNameException if {@code path} breaks the rules for repository paths
   */
  public Repository repo(String path) {
    Objects.requireNonNull(path, "path");
    return Repository.of(this, path, path);
  }

  boolean isDockerHub() {
    return name.equals(ParseSettings.DEFAULT_REGISTRY);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Registry other
        && name.equals(other.name)
        && scheme().equals(other.scheme());
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /** The same as {@link #name()}. */
  @Override
  public String toString() {
    return name;
  }
}
