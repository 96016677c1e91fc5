package dev.containerregistry.name;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameOptionTest {

  @Test
  void withoutOptionsParsingIsWeakSecureAndDefaultsToDockerHubAndLatest() {
    Tag tag = Tag.parse("ubuntu");

    assertEquals("index.docker.io/library/ubuntu:latest", tag.name());
    assertEquals("https", tag.context().registry().scheme());
  }

  @Test
  void theLaterOfContradictingOptionsWins() {
    Tag.parse("ubuntu", NameOption.strict(), NameOption.weak());

    assertThrows(
        BadNameException.class, () -> Tag.parse("ubuntu", NameOption.weak(), NameOption.strict()));
    assertEquals(
        "b.example/ubuntu:latest",
        Tag.parse(
                "ubuntu",
                NameOption.defaultRegistry("a.example"),
                NameOption.defaultRegistry("b.example"))
            .name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "registry.example", "host:5000", "docker.io", "[::1]:5000"})
  void aDefaultRegistryIsAHostThatParsesBackAsARegistry(String registry) {
    Tag tag = Tag.parse("a/b", NameOption.defaultRegistry(registry));

    assertEquals(tag, Tag.parse(tag.name()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "white space", "myregistry", "gcr.io/path"})
  void aDefaultRegistryThatWouldReadAsAPathIsRefused(String registry) {
    assertThrows(BadNameException.class, () -> NameOption.defaultRegistry(registry));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "bad tag", "c@n't"})
  void aDefaultTagMustBeAValidTag(String tag) {
    assertThrows(BadNameException.class, () -> NameOption.defaultTag(tag));
  }

  @Test
  void anOptionReadsAsWrittenInCode() {
    assertEquals("strict", NameOption.strict().toString());
    assertEquals("defaultTag(stable)", NameOption.defaultTag("stable").toString());
  }

  @Test
  void nullsAreRefusedAtOnce() {
    assertThrows(NullPointerException.class, () -> Tag.parse("ubuntu", (NameOption) null));
    assertThrows(NullPointerException.class, () -> Reference.parse(null));
  }
}
