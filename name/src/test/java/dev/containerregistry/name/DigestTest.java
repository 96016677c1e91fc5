package dev.containerregistry.name;

import static dev.containerregistry.name.GoodAndBadNames.BAD_DIGESTS;
import static dev.containerregistry.name.GoodAndBadNames.STRICT_DIGESTS;
import static dev.containerregistry.name.GoodAndBadNames.STRICT_TAG_DIGESTS;
import static dev.containerregistry.name.GoodAndBadNames.VALID_DIGEST;
import static dev.containerregistry.name.GoodAndBadNames.WEAK_DIGESTS;
import static dev.containerregistry.name.GoodAndBadNames.WEAK_TAG_DIGESTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

class DigestTest {

  @ParameterizedTest
  @FieldSource("dev.containerregistry.name.GoodAndBadNames#STRICT_DIGESTS")
  void strictModeAcceptsAFullDigestAndKeepsItsName(String name) {
    assertEquals(name, Digest.parse(name, NameOption.strict()).name());
  }

  @ParameterizedTest
  @FieldSource("dev.containerregistry.name.GoodAndBadNames#STRICT_TAG_DIGESTS")
  void strictModeAcceptsATagBeforeTheDigest(String name) {
    Digest.parse(name, NameOption.strict());
  }

  static Stream<String> refusedInStrictMode() {
    return Stream.of(WEAK_DIGESTS, WEAK_TAG_DIGESTS, BAD_DIGESTS).flatMap(List::stream);
  }

  @ParameterizedTest
  @MethodSource("refusedInStrictMode")
  void strictModeRefusesImplicitOrMalformedDigests(String name) {
    assertThrows(BadNameException.class, () -> Digest.parse(name, NameOption.strict()));
  }

  static Stream<String> acceptedInWeakMode() {
    return Stream.of(STRICT_DIGESTS, STRICT_TAG_DIGESTS, WEAK_DIGESTS, WEAK_TAG_DIGESTS)
        .flatMap(List::stream);
  }

  @ParameterizedTest
  @MethodSource("acceptedInWeakMode")
  void weakModeAcceptsFullAndImplicitDigests(String name) {
    Digest.parse(name, NameOption.weak());
  }

  @ParameterizedTest
  @FieldSource("dev.containerregistry.name.GoodAndBadNames#BAD_DIGESTS")
  void weakModeRefusesMalformedDigests(String name) {
    assertThrows(BadNameException.class, () -> Digest.parse(name, NameOption.weak()));
  }

  @Test
  void aDigestHasItsPartsAndReadsAsWritten() {
    String input = "gcr.io/project-id/image@" + VALID_DIGEST;

    Digest digest = Digest.parse(input, NameOption.strict());

    assertEquals(input, digest.toString());
    assertEquals(VALID_DIGEST, digest.identifier());
    assertEquals(VALID_DIGEST, digest.digestStr());
    assertEquals("gcr.io", digest.context().registry().name());
    assertEquals("project-id/image", digest.context().repositoryStr());
    assertEquals("gcr.io/project-id/image", digest.context().toString());
    assertEquals("repository:project-id/image:pull", digest.scope("pull"));
  }

  @ParameterizedTest
  @CsvSource({
    "example.text/foo/bar:v1.0.0, example.text/foo/bar",
    "nginx:latest, index.docker.io/library/nginx",
    "nginx, index.docker.io/library/nginx",
    "localhost:5000/nginx, localhost:5000/nginx",
    "localhost:5000/nginx:1.25, localhost:5000/nginx",
  })
  void aTagBeforeTheDigestIsDroppedFromTheName(String base, String repository) {
    Digest digest = Digest.parse(base + "@" + VALID_DIGEST);

    assertEquals(repository + "@" + VALID_DIGEST, digest.name());
    assertEquals(base + "@" + VALID_DIGEST, digest.toString());
  }

  @Test
  void aDigestNeedsExactly64LowerCaseHexCharacters() {
    String hex = VALID_DIGEST.substring("sha256:".length());

    assertThrows(BadNameException.class, () -> Digest.parse("repo@sha256:" + hex + "0"));
    assertThrows(BadNameException.class, () -> Digest.parse("repo@sha256:" + hex.substring(1)));
    assertThrows(
        BadNameException.class, () -> Digest.parse("repo@sha256:" + hex.toUpperCase(Locale.ROOT)));
    assertThrows(BadNameException.class, () -> Digest.parse("repo@SHA256:" + hex));
  }
}
