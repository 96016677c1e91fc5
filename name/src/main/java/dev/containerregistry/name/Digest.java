package dev.containerregistry.name;

import java.util.Objects;

/**
 * A reference to content by digest, such as {@code gcr.io/project-id/image@sha256:...}. Only {@code
 * sha256} digests are accepted. Immutable; see {@link Reference} for equality.
 */
public final class Digest implements Reference {

  private final Repository repository;
  private final String digest;
  private final String original;

  private Digest(Repository repository, String digest, String original) {
    this.repository = repository;
    this.digest = digest;
    this.original = original;
  }

  /**
   * Parses {@code [registry/]path[:tag]@sha256:<64 lower-case hex>}. A tag before the {@code @} is
   * allowed and ignored: it is not part of {@link #name()}, but {@link #toString()} keeps it.
   *
   * @throws BadNameException if there is not exactly one {@code @}, the digest is not {@code
   *     sha256:} and 64 lower-case hex characters, or the repository breaks its rules
   */
  public static Digest parse(String s, NameOption... options) {
    Objects.requireNonNull(s, "digest reference");
    return parse(s, ParseSettings.of(options));
  }

  static Digest parse(String s, ParseSettings settings) {
    int at = s.indexOf('@');
    if (at < 0 || s.indexOf('@', at + 1) >= 0) {
      throw new BadNameException(
          "a digest must contain exactly one '@' separator (e.g. registry/repository@sha256:...)",
          s);
    }
    String digest = s.substring(at + 1);
    ElementRules.checkDigest(digest, s);
    Repository repository = Repository.parse(withoutTag(s.substring(0, at), settings), settings, s);
    return new Digest(repository, digest, s);
  }

  /**
   * When {@code base} reads as a tag reference, the full name of its repository, which drops the
   * tag and spells out the defaults; otherwise {@code base} as it is. The result is then parsed as
   * a repository, as the reference design does.
   */
  private static String withoutTag(String base, ParseSettings settings) {
    try {
      return Tag.parse(base, settings).context().name();
    } catch (BadNameException notATag) {
      return base;
    }
  }

  /** A digest already checked against the rules; it reads as its {@link #name()}. */
  static Digest of(Repository repository, String digest) {
    return new Digest(repository, digest, repository.name() + "@" + digest);
  }

  /** The digest alone, for example {@code sha256:deadb33f...}. */
  public String digestStr() {
    return digest;
  }

  @Override
  public Repository context() {
    return repository;
  }

  /** The same as {@link #digestStr()}. */
  @Override
  public String identifier() {
    return digest;
  }

  @Override
  public String name() {
    return repository.name() + "@" + digest;
  }

  @Override
  public String scope(String action) {
    return repository.scope(action);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Digest other
        && digest.equals(other.digest)
        && repository.equals(other.repository);
  }

  @Override
  public int hashCode() {
    return 31 * repository.hashCode() + digest.hashCode();
  }

  @Override
  public String toString() {
    return original;
  }
}
