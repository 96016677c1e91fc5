package dev.containerregistry.name;

import static dev.containerregistry.name.GoodAndBadNames.BAD_DIGESTS;
import static dev.containerregistry.name.GoodAndBadNames.BAD_TAGS;
import static dev.containerregistry.name.GoodAndBadNames.STRICT_DIGESTS;
import static dev.containerregistry.name.GoodAndBadNames.STRICT_TAGS;
import static dev.containerregistry.name.GoodAndBadNames.VALID_DIGEST;
import static dev.containerregistry.name.GoodAndBadNames.WEAK_DIGESTS;
import static dev.containerregistry.name.GoodAndBadNames.WEAK_TAGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

class ReferenceTest {

  @ParameterizedTest
  @CsvSource({
    "crossplane/provider-gcp, registry.upbound.io/crossplane/provider-gcp:stable",
    "crossplane/provider-gcp:v0.14.0, registry.upbound.io/crossplane/provider-gcp:v0.14.0",
    "ubuntu, registry.upbound.io/ubuntu:stable",
    "gcr.io/crossplane/provider-gcp:latest, gcr.io/crossplane/provider-gcp:latest",
    "localhost/testimage:mytag, localhost/testimage:mytag",
  })
  void defaultRegistryAndTagApplyOnlyToWhatIsLeftOut(String input, String name) {
    Reference reference =
        Reference.parse(
            input,
            NameOption.defaultRegistry("registry.upbound.io"),
            NameOption.defaultTag("stable"));

    assertEquals(name, reference.name());
  }

  /** Parses one kind of reference, as {@code Tag::parse} or {@code Digest::parse} do. */
  @FunctionalInterface
  interface Parser {
    Reference parse(String name, NameOption mode);
  }

  private static Stream<Arguments> rows(List<String> names, NameOption mode, Parser kind) {
    return names.stream().map(name -> Arguments.of(name, mode, kind));
  }

  static Stream<Arguments> referencesByMode() {
    return Stream.of(
            rows(WEAK_TAGS, NameOption.weak(), Tag::parse),
            rows(STRICT_TAGS, NameOption.strict(), Tag::parse),
            rows(WEAK_DIGESTS, NameOption.weak(), Digest::parse),
            rows(STRICT_DIGESTS, NameOption.strict(), Digest::parse))
        .flatMap(rows -> rows);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("referencesByMode")
  void aReferenceIsTheTagOrDigestItNames(String name, NameOption mode, Parser kind) {
    Reference expected = kind.parse(name, mode);

    Reference reference = Reference.parse(name, mode);

    assertEquals(expected.getClass(), reference.getClass());
    assertEquals(expected, reference);
    assertEquals(name, reference.toString());
  }

  static Stream<String> badReferences() {
    return Stream.of(BAD_TAGS, BAD_DIGESTS).flatMap(List::stream);
  }

  @ParameterizedTest
  @MethodSource("badReferences")
  void aBadTagOrDigestIsNotAReference(String name) {
    assertThrows(BadNameException.class, () -> Reference.parse(name));
  }

  @Test
  void aTagAndADigestTogetherMakeADigestReference() {
    String input = "example.text/foo/bar:v1.0.0@" + VALID_DIGEST;

    Reference reference = Reference.parse(input, NameOption.strict());

    assertInstanceOf(Digest.class, reference);
    assertEquals(VALID_DIGEST, reference.identifier());
    assertEquals("example.text/foo/bar@" + VALID_DIGEST, reference.name());
    assertEquals(input, reference.toString());
  }

  @Test
  void theContextIsTheRepository() {
    Reference reference = Reference.parse("gcr.io/project-id/image:v1");

    assertEquals(Repository.parse("gcr.io/project-id/image"), reference.context());
    assertEquals("repository:project-id/image:pull", reference.scope("pull"));
  }

  @ParameterizedTest
  @FieldSource("dev.containerregistry.name.GoodAndBadNames#WEAK_TAGS")
  void strictModeRefusesImplicitParts(String name) {
    assertThrows(BadNameException.class, () -> Reference.parse(name, NameOption.strict()));
  }
}
