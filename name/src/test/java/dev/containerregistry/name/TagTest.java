package dev.containerregistry.name;

import static dev.containerregistry.name.GoodAndBadNames.BAD_TAGS;
import static dev.containerregistry.name.GoodAndBadNames.STRICT_TAGS;
import static dev.containerregistry.name.GoodAndBadNames.WEAK_TAGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

class TagTest {

  @ParameterizedTest
  @FieldSource("dev.containerregistry.name.GoodAndBadNames#STRICT_TAGS")
  void strictModeAcceptsAFullTagAndKeepsItsName(String name) {
    assertEquals(name, Tag.parse(name, NameOption.strict()).name());
  }

  static Stream<String> refusedInStrictMode() {
    return Stream.of(WEAK_TAGS, BAD_TAGS).flatMap(List::stream);
  }

  @ParameterizedTest
  @MethodSource("refusedInStrictMode")
  void strictModeRefusesImplicitOrMalformedTags(String name) {
    assertThrows(BadNameException.class, () -> Tag.parse(name, NameOption.strict()));
  }

  static Stream<String> acceptedInWeakMode() {
    return Stream.of(STRICT_TAGS, WEAK_TAGS).flatMap(List::stream);
  }

  @ParameterizedTest
  @MethodSource("acceptedInWeakMode")
  void weakModeAcceptsFullAndImplicitTags(String name) {
    Tag.parse(name, NameOption.weak());
  }

  @ParameterizedTest
  @FieldSource("dev.containerregistry.name.GoodAndBadNames#BAD_TAGS")
  void weakModeStillChecksATagThatIsWritten(String name) {
    assertThrows(BadNameException.class, () -> Tag.parse(name, NameOption.weak()));
  }

  @Test
  void aTagHasItsPartsAndReadsAsWritten() {
    Tag tag = Tag.parse("gcr.io/project-id/image:latest", NameOption.strict());

    assertEquals("gcr.io", tag.context().registry().name());
    assertEquals("project-id/image", tag.context().repositoryStr());
    assertEquals("latest", tag.tagStr());
    assertEquals("latest", tag.identifier());
    assertEquals("gcr.io/project-id/image", tag.context().toString());
    assertEquals("gcr.io/project-id/image:latest", tag.toString());
    assertEquals("repository:project-id/image:pull", tag.scope("pull"));
  }

  @ParameterizedTest
  @CsvSource({
    "ubuntu, index.docker.io/library/ubuntu:latest",
    "ubuntu:22.04, index.docker.io/library/ubuntu:22.04",
    "docker.io/ubuntu, index.docker.io/library/ubuntu:latest",
    "localhost:5000/image, localhost:5000/image:latest",
    "localhost:5000/image:v1, localhost:5000/image:v1",
    "'[::1]:5000/image', '[::1]:5000/image:latest'",
    "'::1/image:v1', '::1/image:v1'",
  })
  void defaultsFillInWhatIsLeftOut(String input, String name) {
    Tag tag = Tag.parse(input);

    assertEquals(name, tag.name());
    assertEquals(input, tag.toString());
  }

  @Test
  void aDefaultTagReplacesLatest() {
    assertEquals(
        "index.docker.io/library/ubuntu:other",
        Tag.parse("ubuntu", NameOption.defaultTag("other")).name());
  }

  @Test
  void aTagOf128CharactersIsTheLongest() {
    String longest = "gcr.io/image:" + "t".repeat(128);

    assertEquals(longest, Tag.parse(longest).name());
    assertThrows(BadNameException.class, () -> Tag.parse(longest + "t"));
  }
}
