package dev.containerregistry.name;

import static dev.containerregistry.name.GoodAndBadNames.VALID_DIGEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every refusal names the broken rule and quotes the whole input. */
class MessagesTest {

  private static final String REPOSITORY_CHARS =
      "repository can only contain the characters 'abcdefghijklmnopqrstuvwxyz0123456789_-./'";
  private static final String ONE_AT =
      "a digest must contain exactly one '@' separator (e.g. registry/repository@sha256:...)";

  private static Named<Function<String, Object>> parser(
      String name, Function<String, Object> parse) {
    return Named.of(name, parse);
  }

  private static final Named<Function<String, Object>> REGISTRY =
      parser("registry", Registry::parse);
  private static final Named<Function<String, Object>> REPOSITORY =
      parser("repository", Repository::parse);
  private static final Named<Function<String, Object>> STRICT_REPOSITORY =
      parser("strict repository", s -> Repository.parse(s, NameOption.strict()));
  private static final Named<Function<String, Object>> TAG = parser("tag", Tag::parse);
  private static final Named<Function<String, Object>> STRICT_TAG =
      parser("strict tag", s -> Tag.parse(s, NameOption.strict()));
  private static final Named<Function<String, Object>> DIGEST = parser("digest", Digest::parse);
  private static final Named<Function<String, Object>> REFERENCE =
      parser("reference", Reference::parse);

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of(REPOSITORY, "gcr.io/Bad", REPOSITORY_CHARS),
        Arguments.of(
            REPOSITORY,
            "gcr.io/" + "a".repeat(256),
            "repository must be between 1 and 255 characters in length"),
        Arguments.of(
            REPOSITORY, "gcr.io/", "repository must be between 1 and 255 characters in length"),
        Arguments.of(
            STRICT_REPOSITORY,
            "ubuntu",
            "strict validation requires the registry to be explicitly defined"),
        Arguments.of(
            STRICT_REPOSITORY,
            "index.docker.io/ubuntu",
            "strict validation requires the full repository path (missing 'library')"),
        Arguments.of(
            REGISTRY,
            "white space",
            "registries must be valid RFC 3986 URI authorities (host[:port])"),
        Arguments.of(
            REPOSITORY,
            "gcr.io:x/image",
            "registries must be valid RFC 3986 URI authorities (host[:port])"),
        Arguments.of(TAG, "library/ubuntu:", "a tag name must follow the colon"),
        Arguments.of(
            TAG,
            "gcr.io/project-id/wrong-length:white space",
            "tag can only contain the characters"
                + " 'abcdefghijklmnopqrstuvwxyz0123456789_-.ABCDEFGHIJKLMNOPQRSTUVWXYZ'"),
        Arguments.of(
            TAG, "image:" + "t".repeat(129), "tag must be between 1 and 128 characters in length"),
        Arguments.of(
            STRICT_TAG,
            "gcr.io/project-id/image",
            "strict validation requires the tag to be explicitly defined"),
        Arguments.of(TAG, "Upper/image:v1", REPOSITORY_CHARS),
        Arguments.of(DIGEST, "repo@" + VALID_DIGEST + "@" + VALID_DIGEST, ONE_AT),
        Arguments.of(
            DIGEST,
            "gcr.io/project-id/unknown-alg@unknown:abc123",
            "unsupported digest algorithm, only 'sha256:' is accepted"),
        Arguments.of(
            DIGEST,
            "gcr.io/project-id/wrong-length@sha256:d34db33fd34db33f",
            "a sha256 digest must have 64 hex characters, not 16"),
        Arguments.of(
            DIGEST, "repo@sha256:" + "sh".repeat(32), "a sha256 digest must be lower-case hex"),
        Arguments.of(DIGEST, "library/nginx:@" + VALID_DIGEST, REPOSITORY_CHARS),
        Arguments.of(REFERENCE, "ubuntu:", "a tag name must follow the colon"),
        Arguments.of(
            REFERENCE,
            "@@",
            "neither a tag (" + REPOSITORY_CHARS + ") nor a digest (" + ONE_AT + ")"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("refusals")
  void aRefusalNamesTheRuleAndQuotesTheInput(
      Function<String, Object> parse, String input, String rule) {
    BadNameException e = assertThrows(BadNameException.class, () -> parse.apply(input));

    assertEquals(rule + ": " + input, e.getMessage());
  }

  @Test
  void theIssuesExampleMessageIsExact() {
    BadNameException e = assertThrows(BadNameException.class, () -> Repository.parse("gcr.io/Bad"));

    assertEquals(
        "repository can only contain the characters 'abcdefghijklmnopqrstuvwxyz0123456789_-./':"
            + " gcr.io/Bad",
        e.getMessage());
  }

  @Test
  void anEmptyInputIsQuotedVisibly() {
    BadNameException e = assertThrows(BadNameException.class, () -> Repository.parse(""));

    assertEquals("a repository name must be specified: \"\"", e.getMessage());
  }

  @Test
  void aHugeInputIsShortenedInTheMessage() {
    String huge = "A".repeat(1 << 20);

    BadNameException e = assertThrows(BadNameException.class, () -> Reference.parse(huge));

    assertTrue(e.getMessage().length() < 700, e.getMessage());
    assertTrue(e.getMessage().endsWith("A... (1048576 characters)"), e.getMessage());
  }

  @Test
  void aBadNameIsAnIllegalArgument() {
    assertThrows(IllegalArgumentException.class, () -> Reference.parse("@@"));
  }
}
