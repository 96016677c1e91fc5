package dev.containerregistry.name;

import static dev.containerregistry.name.GoodAndBadNames.VALID_DIGEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names are values: equal when they mean the same name over the same scheme. */
class EqualityTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ubuntu",
        "ubuntu:latest",
        "library/ubuntu",
        "docker.io/ubuntu",
        "docker.io/library/ubuntu:latest",
        "index.docker.io/library/ubuntu:latest"
      })
  void spellingsOfTheSameTagAreEqualAndHashAlike(String spelling) {
    Reference canonical = Reference.parse("index.docker.io/library/ubuntu:latest");

    Reference other = Reference.parse(spelling);

    assertEquals(canonical, other);
    assertEquals(canonical.hashCode(), other.hashCode());
    assertEquals(spelling, other.toString());
  }

  @Test
  void aDigestWithAndWithoutATagAreEqual() {
    assertEquals(
        Reference.parse("nginx:1.25@" + VALID_DIGEST),
        Reference.parse("index.docker.io/library/nginx@" + VALID_DIGEST));
  }

  @Test
  void differentTagsAreNotEqual() {
    assertNotEquals(Tag.parse("ubuntu:22.04"), Tag.parse("ubuntu:24.04"));
  }

  @Test
  void aTagIsNeverEqualToADigest() {
    Repository repository = Repository.parse("gcr.io/image");

    assertNotEquals(repository.tag("v1"), repository.digest(VALID_DIGEST));
  }

  @Test
  void theSchemeIsPartOfTheMeaning() {
    assertNotEquals(
        Tag.parse("gcr.io/image:v1"), Tag.parse("gcr.io/image:v1", NameOption.insecure()));
    assertEquals(
        Tag.parse("localhost:5000/image:v1"),
        Tag.parse("localhost:5000/image:v1", NameOption.insecure()));
  }

  @Test
  void repositoriesAndRegistriesCompareByName() {
    assertEquals(Repository.parse("ubuntu"), Repository.parse("index.docker.io/library/ubuntu"));
    assertEquals(Repository.parse("ubuntu"), Registry.parse("docker.io").repo("library/ubuntu"));
    assertEquals(Registry.parse("docker.io"), Registry.parse(""));
    assertNotEquals(Registry.parse("gcr.io"), Registry.parse("us.gcr.io"));
  }

  @Test
  void aTagBuiltFromItsPartsEqualsTheParsedTag() {
    Tag parsed = Tag.parse("gcr.io/project/image:v1");

    Tag built = Registry.parse("gcr.io").repo("project/image").tag("v1");

    assertEquals(parsed, built);
    assertEquals(parsed.hashCode(), built.hashCode());
  }
}
