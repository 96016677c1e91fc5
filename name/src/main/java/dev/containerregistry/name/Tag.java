package dev.containerregistry.name;

import java.util.Objects;

/**
 * A reference to a tag, such as {@code gcr.io/project-id/image:v1} or {@code ubuntu} (which means
 * {@code index.docker.io/library/ubuntu:latest}). Immutable; see {@link Reference} for equality.
 */
public final class Tag implements Reference {

  private final Repository repository;
  private final String tag;
  private final String original;

  private Tag(Repository repository, String tag, String original) {
    this.repository = repository;
    this.tag = tag;
    this.original = original;
  }

  /**
   * Parses {@code [registry/]path[:tag]}. A colon starts the tag only when no {@code /} follows it,
   * so {@code localhost:5000/image} has no tag and gets the default one.
   *
   * @throws BadNameException if a part breaks its rules, or if under {@link NameOption#strict()}
   *     the tag, the registry or the {@code library/} namespace is left out
   */
  public static Tag parse(String s, NameOption... options) {
    Objects.requireNonNull(s, "tag reference");
    return parse(s, ParseSettings.of(options));
  }

  static Tag parse(String s, ParseSettings settings) {
    String base = s;
    String tag = "";
    int colon = s.lastIndexOf(':');
    if (colon >= 0 && s.indexOf('/', colon) < 0) {
      base = s.substring(0, colon);
      tag = s.substring(colon + 1);
      if (tag.isEmpty()) {
        throw new BadNameException("a tag name must follow the colon", s);
      }
    }
    if (!tag.isEmpty()) {
      ElementRules.checkTag(tag, s);
    } else if (settings.strict()) {
      throw new BadNameException("strict validation requires the tag to be explicitly defined", s);
    }
    Repository repository = Repository.parse(base, settings, s);
    return new Tag(repository, tag.isEmpty() ? settings.defaultTag() : tag, s);
  }

  /** A tag already checked against the rules; it reads as its {@link #name()}. */
  static Tag of(Repository repository, String tag) {
    return new Tag(repository, tag, repository.name() + ":" + tag);
  }

  /** The tag alone, for example {@code latest}. */
  public String tagStr() {
    return tag;
  }

  @Override
  public Repository context() {
    return repository;
  }

  /** The same as {@link #tagStr()}. */
  @Override
  public String identifier() {
    return tag;
  }

  @Override
  public String name() {
    return repository.name() + ":" + tag;
  }

  @Override
  public String scope(String action) {
    return repository.scope(action);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tag other && tag.equals(other.tag) && repository.equals(other.repository);
  }

  @Override
  public int hashCode() {
    return 31 * repository.hashCode() + tag.hashCode();
  }

  @Override
  public String toString() {
    return original;
  }
}
