package dev.containerregistry.name;

import static dev.containerregistry.name.GoodAndBadNames.BAD_REPOSITORIES;
import static dev.containerregistry.name.GoodAndBadNames.STRICT_REPOSITORIES;
import static dev.containerregistry.name.GoodAndBadNames.VALID_DIGEST;
import static dev.containerregistry.name.GoodAndBadNames.WEAK_REPOSITORIES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryTest {

  @ParameterizedTest
  @FieldSource("dev.containerregistry.name.GoodAndBadNames#STRICT_REPOSITORIES")
  void strictModeAcceptsAFullPathAndKeepsItsName(String name) {
    assertEquals(name, Repository.parse(name, NameOption.strict()).name());
  }

  static Stream<String> refusedInStrictMode() {
    return Stream.of(WEAK_REPOSITORIES, BAD_REPOSITORIES).flatMap(List::stream);
  }

  @ParameterizedTest
  @MethodSource("refusedInStrictMode")
  void strictModeRefusesImplicitOrMalformedRepositories(String name) {
    assertThrows(BadNameException.class, () -> Repository.parse(name, NameOption.strict()));
  }

  static Stream<String> acceptedInWeakMode() {
    return Stream.of(STRICT_REPOSITORIES, WEAK_REPOSITORIES).flatMap(List::stream);
  }

  @ParameterizedTest
  @MethodSource("acceptedInWeakMode")
  void weakModeAcceptsFullAndImplicitRepositories(String name) {
    Repository.parse(name, NameOption.weak());
  }

  @ParameterizedTest
  @FieldSource("dev.containerregistry.name.GoodAndBadNames#BAD_REPOSITORIES")
  void weakModeRefusesMalformedRepositories(String name) {
    assertThrows(BadNameException.class, () -> Repository.parse(name, NameOption.weak()));
  }

  @ParameterizedTest
  @CsvSource({
    "ubuntu, index.docker.io, library/ubuntu",
    "library/ubuntu, index.docker.io, library/ubuntu",
    "namespace/image, index.docker.io, namespace/image",
    "docker.io/ubuntu, index.docker.io, library/ubuntu",
    "gcr.io/project-id/image, gcr.io, project-id/image",
    "localhost/image, localhost, image",
    "localhost:5000/image, localhost:5000, image",
    "host.with.dots/image, host.with.dots, image",
    "hostwithoutdots/image, index.docker.io, hostwithoutdots/image",
    "'[::1]:5000/image', '[::1]:5000', image",
    "foo/, index.docker.io, foo/",
    "a//b, index.docker.io, a//b",
  })
  void theFirstElementIsTheRegistryWhenItLooksLikeAHost(
      String name, String registry, String repository) {
    Repository parsed = Repository.parse(name);

    assertEquals(registry, parsed.registry().name());
    assertEquals(repository, parsed.repositoryStr());
    assertEquals(registry + "/" + repository, parsed.name());
  }

  @Test
  void aDefaultRegistryHasNoLibraryNamespace() {
    Repository parsed = Repository.parse("ubuntu", NameOption.defaultRegistry("registry.example"));

    assertEquals("registry.example/ubuntu", parsed.name());
  }

  @Test
  void theScopeNamesTheRepositoryPathAndTheAction() {
    Repository repository = Repository.parse("gcr.io/project-id/image", NameOption.strict());

    assertEquals("repository:project-id/image:pull", repository.scope("pull"));
  }

  @Test
  void theScopeOfAnOfficialImageIncludesLibrary() {
    assertEquals(
        "repository:library/ubuntu:push,pull", Repository.parse("ubuntu").scope("push,pull"));
  }

  @Test
  void strictModeRefusesDockerHubWithoutTheLibraryNamespace() {
    BadNameException e =
        assertThrows(
            BadNameException.class,
            () -> Repository.parse("index.docker.io/foo", NameOption.strict()));

    assertEquals(
        "strict validation requires the full repository path (missing 'library'):"
            + " index.docker.io/foo",
        e.getMessage());
  }

  @Test
  void aRepositoryOf255CharactersIsTheLongest() {
    String longest = "gcr.io/" + "a".repeat(255);

    assertEquals(longest, Repository.parse(longest).name());
    assertThrows(BadNameException.class, () -> Repository.parse(longest + "a"));
  }

  @Test
  void childrenOfAnInsecureRepositoryUsePlainHttpAndReadAsTheirName() {
    Repository repository = Repository.parse("example.com/repo", NameOption.insecure());

    Tag tag = repository.tag("foo");
    Digest digest = repository.digest(VALID_DIGEST);

    assertEquals("http", tag.context().registry().scheme());
    assertEquals("example.com/repo:foo", tag.toString());
    assertEquals("http", digest.context().registry().scheme());
    assertEquals("example.com/repo@" + VALID_DIGEST, digest.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "white space",
        "c@n't",
        "t234567890t234567890t234567890t234567890t234567890t234567890t234567890"
            + "t234567890t234567890t234567890t234567890t234567890t234567890" // 130
      })
  void tagRefusesWhatIsNotATag(String tag) {
    Repository repository = Repository.parse("example.com/repo");

    assertThrows(BadNameException.class, () -> repository.tag(tag));
  }

  @ParameterizedTest
  @ValueSource(strings = {"badf00d", "sha512:abc", "sha256:DEADB33F"})
  void digestRefusesWhatIsNotASha256Digest(String digest) {
    Repository repository = Repository.parse("example.com/repo");

    assertThrows(BadNameException.class, () -> repository.digest(digest));
  }
}
