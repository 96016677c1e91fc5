package dev.containerregistry.name;

import static dev.containerregistry.name.GoodAndBadNames.BAD_REGISTRIES;
import static dev.containerregistry.name.GoodAndBadNames.STRICT_REGISTRIES;
import static dev.containerregistry.name.GoodAndBadNames.WEAK_REGISTRIES;
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

class RegistryTest {

  @ParameterizedTest
  @FieldSource("dev.containerregistry.name.GoodAndBadNames#STRICT_REGISTRIES")
  void strictModeAcceptsAnExplicitRegistryAndKeepsItsName(String name) {
    Registry registry = Registry.parse(name, NameOption.strict());

    assertEquals(name, registry.name());
    assertEquals(name, registry.toString());
  }

  static Stream<String> refusedInStrictMode() {
    return Stream.of(WEAK_REGISTRIES, BAD_REGISTRIES).flatMap(List::stream);
  }

  @ParameterizedTest
  @MethodSource("refusedInStrictMode")
  void strictModeRefusesAnEmptyOrMalformedRegistry(String name) {
    assertThrows(BadNameException.class, () -> Registry.parse(name, NameOption.strict()));
  }

  static Stream<String> acceptedInWeakMode() {
    return Stream.of(STRICT_REGISTRIES, WEAK_REGISTRIES).flatMap(List::stream);
  }

  @ParameterizedTest
  @MethodSource("acceptedInWeakMode")
  void weakModeAcceptsExplicitAndEmptyRegistries(String name) {
    Registry.parse(name, NameOption.weak());
    Registry.parse(name, NameOption.weak(), NameOption.insecure());
  }

  @ParameterizedTest
  @FieldSource("dev.containerregistry.name.GoodAndBadNames#BAD_REGISTRIES")
  void weakModeRefusesAMalformedRegistry(String name) {
    assertThrows(BadNameException.class, () -> Registry.parse(name));
    assertThrows(BadNameException.class, () -> Registry.parse(name, NameOption.insecure()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"docker.io", ""})
  void dockerHubIsTheDefaultAndItsAliasIsRewritten(String name) {
    assertEquals("index.docker.io", Registry.parse(name).name());
  }

  @ParameterizedTest
  @CsvSource({"docker.io, index.docker.io", "'', gcr.io"})
  void aDefaultRegistryReplacesOnlyTheEmptyName(String name, String expected) {
    assertEquals(expected, Registry.parse(name, NameOption.defaultRegistry("gcr.io")).name());
  }

  @Test
  void theCatalogScopeNamesTheRegistryCatalog() {
    assertEquals(
        "registry:catalog:*", Registry.parse("gcr.io", NameOption.strict()).catalogScope());
  }

  @ParameterizedTest
  @CsvSource({
    "foo.svc.localhost:1234, http",
    "foo.svc.local:1234, https",
    "registry.local, https",
    "127.0.0.1:1234, http",
    "127.0.0.1, http",
    "127.0.0.1.evil.com, https",
    "my127.0.0.1registry.io, https",
    "localhost:8080, http",
    "localhost, https",
    "localhost:, http",
    "gcr.io, https",
    "index.docker.io, https",
    "'::1', http",
    "'[::1]', http",
    "'[::1]:5000', http",
    "'[::1]:123456', https",
    "'::1:5000', https",
    "'[2001:db8::1]:5000', https",
    ".localhost, http",
    "a.localhost:99999, http",
    "a.localhost:123456, https",
    "a.localhost:, https",
    "alocalhost:80, https",
    "127.0.0.1:, https",
    "127.0.0.2, https",
  })
  void schemeIsPlainHttpForLocalHostsOnly(String name, String scheme) {
    assertEquals(scheme, Registry.parse(name).scheme());
  }

  @ParameterizedTest
  @CsvSource({
    "index.docker.io, https",
    "10.2.3.4:5000, http",
    "8.8.8.8, https",
    "172.16.3.4:3000, http",
    "192.168.3.4, http",
    "10.256.0.0:5000, https",
    "10.0.0.0, http",
    "10.255.255.255, http",
    "11.0.0.1, https",
    "172.15.255.255, https",
    "172.31.255.255, http",
    "172.32.0.0, https",
    "192.167.1.1, https",
    "192.168.0.0:1:2, http",
    "192.169.0.1, https",
    "010.0.0.1, https",
    "10.0.0, https",
    "10.0.0.1.2, https",
    "10..0.1, https",
    "10.0.0.1., https",
    "10.0.0.1a, https",
  })
  void schemeIsPlainHttpForPrivateIpv4Addresses(String name, String scheme) {
    assertEquals(scheme, Registry.parse(name).scheme());
  }

  @Test
  void anInsecureRegistryUsesPlainHttp() {
    assertEquals("http", Registry.parse("gcr.io", NameOption.insecure()).scheme());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "::1",
        "[::1]:5000",
        "[2001:db8::1]:5000",
        "[fe80::1]",
        "[anything-inside]",
        "host:",
        "a:b:80",
        "ünïcode.example",
        "UPPER.CASE.IO",
        "a!$&'()*+,;=b",
        "tilde~under_score",
        "a<b>c\"d",
        "a[b]c"
      })
  void registryIsALenientUriAuthority(String name) {
    assertEquals(name, Registry.parse(name, NameOption.strict()).name());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "gcr.io/path",
        "user@gcr.io",
        "gcr.io#fragment",
        "gcr.io?",
        "gcr%2eio",
        "gcr.io:abc",
        "gcr.io:80a",
        "[::1",
        "[::1]x",
        "[::1]:80:",
        "tab\there",
        "del\u007fete",
        "new\nline",
        "brace{",
        "pipe|",
        "back\\slash",
        "caret^",
        "back`tick"
      })
  void registryRefusesWhatIsNotAUriAuthority(String name) {
    BadNameException e = assertThrows(BadNameException.class, () -> Registry.parse(name));

    assertEquals("registries must be valid RFC 3986 URI authorities (host[:port])", e.rule());
  }

  /** A registry name of {@code length} characters: a DNS-like host with a port. */
  private static String registryOf(int length) {
    return "r".repeat(length - ".io:5000".length()) + ".io:5000";
  }

  @Test
  void aRegistryOf255CharactersIsAccepted() {
    String registry = registryOf(Registry.MAX_LENGTH);

    assertEquals(registry, Registry.parse(registry).name());
    assertEquals(registry, Reference.parse(registry + "/app:1").context().registry().name());
  }

  /** Go accepts any length; refusing more than 255 characters is a deliberate difference. */
  @Test
  void aLongerRegistryIsRefusedWhereverItIsGiven() {
    String registry = registryOf(Registry.MAX_LENGTH + 1);
    String rule = "registry must be at most 255 characters in length, got 256";

    assertEquals(rule, assertThrows(BadNameException.class, () -> Registry.parse(registry)).rule());
    assertEquals(
        rule,
        assertThrows(BadNameException.class, () -> Repository.parse(registry + "/app")).rule());
    assertThrows(BadNameException.class, () -> Reference.parse(registry + "/app:1"));
    assertThrows(BadNameException.class, () -> NameOption.defaultRegistry(registry));
  }

  @Test
  void repoBuildsARepositoryInThisRegistry() {
    Repository repository = Registry.parse("gcr.io", NameOption.insecure()).repo("project/image");

    assertEquals("gcr.io/project/image", repository.name());
    assertEquals("http", repository.registry().scheme());
  }

  @Test
  void repoOnDockerHubAddsTheLibraryNamespace() {
    assertEquals("library/ubuntu", Registry.parse("docker.io").repo("ubuntu").repositoryStr());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Upper", "with space", "a:b"})
  void repoRefusesAPathThatBreaksTheRepositoryRules(String path) {
    Registry registry = Registry.parse("gcr.io");

    assertThrows(BadNameException.class, () -> registry.repo(path));
  }
}
