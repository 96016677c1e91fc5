package dev.containerregistry.name;

/**
 * The character sets and lengths of repository paths, tags and digests. Each check walks its
 * element once; none uses a regular expression.
 */
final class ElementRules {

  static final String REPOSITORY_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_-./";
  static final String TAG_CHARS =
      "abcdefghijklmnopqrstuvwxyz0123456789_-.ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static final String DIGEST_PREFIX = "sha256:";

  private static final int SHA256_HEX_LENGTH = 64;

  private ElementRules() {}

  /** A repository path: 1 to 255 characters from {@link #REPOSITORY_CHARS}. */
  static void checkRepository(String repository, String input) {
    checkElement("repository", repository, REPOSITORY_CHARS, 255, input);
  }

  /** A tag: 1 to 128 characters from {@link #TAG_CHARS}. */
  static void checkTag(String tag, String input) {
    checkElement("tag", tag, TAG_CHARS, 128, input);
  }

  /** A digest: {@code sha256:} and 64 lower-case hex characters. */
  static void checkDigest(String digest, String input) {
    if (!digest.startsWith(DIGEST_PREFIX)) {
      throw new BadNameException("unsupported digest algorithm, only 'sha256:' is accepted", input);
    }
    int hexLength = digest.length() - DIGEST_PREFIX.length();
    if (hexLength != SHA256_HEX_LENGTH) {
      throw new BadNameException(
          "a sha256 digest must have 64 hex characters, not " + hexLength, input);
    }
    for (int i = DIGEST_PREFIX.length(); i < digest.length(); i++) {
      char c = digest.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        throw new BadNameException("a sha256 digest must be lower-case hex", input);
      }
    }
  }

  /** Lengths count Unicode code points, as the reference design counts runes. */
  private static void checkElement(
      String kind, String element, String allowed, int maxLength, String input) {
    int length = element.codePointCount(0, element.length());
    if (length < 1 || length > maxLength) {
      throw new BadNameException(
          kind + " must be between 1 and " + maxLength + " characters in length", input);
    }
    for (int i = 0; i < element.length(); i++) {
      if (allowed.indexOf(element.charAt(i)) < 0) {
        throw new BadNameException(
            kind + " can only contain the characters '" + allowed + "'", input);
      }
    }
  }
}
