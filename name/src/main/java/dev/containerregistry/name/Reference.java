package dev.containerregistry.name;

import java.util.Objects;

/**
 * A reference to an image or index in a repository: a {@link Tag} ({@code name:tag}) or a {@link
 * Digest} ({@code name@sha256:...}). References are immutable values; two are equal when they are
 * of the same kind and their {@link #name()} and scheme are equal, whatever the text they were
 * parsed from.
 */
public sealed interface Reference permits Tag, Digest {

  /** The repository the reference points into. */
  Repository context();

  /** The tag or the digest alone, for example {@code latest} or {@code sha256:...}. */
  String identifier();

  /**
   * The fully qualified reference, for example {@code index.docker.io/library/ubuntu:latest}; it
   * parses back to an equal reference.
   */
  String name();

  /** The token scope for {@code action} on the repository: {@code repository:PATH:ACTION}. */
  String scope(String action);

  /** The text the reference was parsed from, as written. */
  @Override
  String toString();

  /**
   * Parses {@code s} as a {@link Tag} and, when that fails, as a {@link Digest}. So {@code
   * name:tag@sha256:...} is a digest reference (the tag is dropped from its {@link #name()}).
   *
   * @throws BadNameException if {@code s} is neither; when it contains an {@code @} the message
   *     gives the reasons for both
   */
  static Reference parse(String s, NameOption... options) {
    Objects.requireNonNull(s, "reference");
    ParseSettings settings = ParseSettings.of(options);
    BadNameException notTag;
    try {
      return Tag.parse(s, settings);
    } catch (BadNameException e) {
      notTag = e;
    }
    if (s.indexOf('@') < 0) {
      throw notTag;
    }
    try {
      return Digest.parse(s, settings);
    } catch (BadNameException notDigest) {
      throw new BadNameException(
          "neither a tag (" + notTag.rule() + ") nor a digest (" + notDigest.rule() + ")", s);
    }
  }
}
