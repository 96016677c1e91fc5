package dev.containerregistry.name;

import java.util.Objects;

/**
 * A repository in a registry, such as {@code gcr.io/project-id/image} or {@code
 * index.docker.io/library/ubuntu}. Immutable; two repositories are equal when their {@link #name()}
 * and scheme are, so {@code ubuntu} equals {@code index.docker.io/library/ubuntu}.
 */
public final class Repository {

  private static final String DOCKER_HUB_NAMESPACE = "library/";

  private final Registry registry;
  private final String path;
  private final String name;

  private Repository(Registry registry, String path) {
    this.registry = registry;
    this.path = path;
    this.name = registry.name() + "/" + repositoryStr();
  }

  /**
   * Parses {@code [registry/]path}. The first path element is the registry when it is {@code
   * localhost} or contains a {@code .} or a {@code :}; otherwise the default registry is assumed. A
   * one-element path on Docker Hub is in the {@code library/} namespace.
   *
   * @throws BadNameException if the path or the registry break their rules, or if under {@link
   *     NameOption#strict()} the registry or the {@code library/} namespace is left out
   */
  public static Repository parse(String name, NameOption... options) {
    Objects.requireNonNull(name, "name");
    return parse(name, ParseSettings.of(options), name);
  }

  /** Parses {@code name}, a part of {@code input} that errors quote. */
  static Repository parse(String name, ParseSettings settings, String input) {
    if (name.isEmpty()) {
      throw new BadNameException("a repository name must be specified", input);
    }
    String registryPart = "";
    String path = name;
    int slash = name.indexOf('/');
    if (slash >= 0 && Registry.looksLikeHost(name.substring(0, slash))) {
      registryPart = name.substring(0, slash);
      path = name.substring(slash + 1);
    }
    ElementRules.checkRepository(path, input);
    Registry registry = Registry.parse(registryPart, settings, input);
    if (settings.strict() && hasImplicitNamespace(registry, path)) {
      throw new BadNameException(
          "strict validation requires the full repository path (missing 'library')", input);
    }
    return new Repository(registry, path);
  }

  /** The repository {@code path} in {@code registry}, after checking the path's characters. */
  static Repository of(Registry registry, String path, String input) {
    ElementRules.checkRepository(path, input);
    return new Repository(registry, path);
  }

  private static boolean hasImplicitNamespace(Registry registry, String path) {
    return registry.isDockerHub() && path.indexOf('/') < 0;
  }

  /** The registry holding this repository. */
  public Registry registry() {
    return registry;
  }

  /** The path in the registry, for example {@code library/ubuntu} for {@code ubuntu}. */
  public String repositoryStr() {
    return hasImplicitNamespace(registry, path) ? DOCKER_HUB_NAMESPACE + path : path;
  }

  /** The fully qualified name, for example {@code index.docker.io/library/ubuntu}. */
  public String name() {
    return name;
  }

  /** The token scope for {@code action} on this repository: {@code repository:PATH:ACTION}. */
  public String scope(String action) {
    return "repository:" + repositoryStr() + ":" + action;
  }

  /**
   * The tag {@code tag} of this repository.
   *
   * @throws BadNameException if {@code tag} breaks the rules for tags
   */
  public Tag tag(String tag) {
    Objects.requireNonNull(tag, "tag");
    ElementRules.checkTag(tag, name + ":" + tag);
    return Tag.of(this, tag);
  }

  /**
   * The image or index with {@code digest} ({@code sha256:} and 64 lower-case hex) in this
   * repository.
   *
   * @throws BadNameException if {@code digest} is not of that form
   */
  public Digest digest(String digest) {
    Objects.requireNonNull(digest, "digest");
    ElementRules.checkDigest(digest, name + "@" + digest);
    return Digest.of(this, digest);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Repository other
        && name.equals(other.name)
        && registry.equals(other.registry);
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
