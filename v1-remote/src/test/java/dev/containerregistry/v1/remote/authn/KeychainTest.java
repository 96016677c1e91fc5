package dev.containerregistry.v1.remote.authn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.name.Registry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeychainTest {

  private static final Registry EXAMPLE = Registry.parse("registry.example.com");

  @TempDir Path home;
  private Path bin;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void setUp() throws IOException {
    bin = Files.createDirectories(home.resolve("bin"));
    env.put("PATH", bin.toString() + ":/usr/bin:/bin");
  }

  private Keychain keychain() {
    return new ComposedKeychain(
        new FileKeychainLocator(new KeychainEnvironment(env, home)).keychains());
  }

  private AuthConfig resolve(Registry registry) throws IOException {
    return keychain().resolve(registry).authorization().decoded();
  }

  private void dockerConfig(String json) throws IOException {
    Path dir = Files.createDirectories(home.resolve(".docker"));
    Files.writeString(dir.resolve("config.json"), json);
  }

  /** A helper script that prints {@code output} and exits with {@code exit}, logging its stdin. */
  private void helper(String name, String output, int exit) throws IOException {
    Path script = bin.resolve("docker-credential-" + name);
    Files.writeString(
        script,
        "#!/bin/sh\ncat > \"$0.stdin\"\necho \"$1\" > \"$0.args\"\nprintf '%s' '"
            + output
            + "'\nexit "
            + exit
            + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private String helperStdin(String name) throws IOException {
    return Files.readString(bin.resolve("docker-credential-" + name + ".stdin"));
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "key {0}")
  @CsvSource({
    "registry.example.com",
    "https://registry.example.com",
    "http://registry.example.com/v2/",
    "REGISTRY.example.com"
  })
  void findsAuthsEntriesWhateverTheKeyForm(String key) throws IOException {
    dockerConfig("{\"auths\":{\"" + key + "\":{\"auth\":\"" + base64("alice:pa:ss") + "\"}}}");

    assertEquals(AuthConfig.basic("alice", "pa:ss"), resolve(EXAMPLE));
  }

  @Test
  void readsEveryCredentialFieldOfAnAuthsEntry() throws IOException {
    dockerConfig(
        "{\"auths\":{\"registry.example.com\":{\"username\":\"u\",\"password\":\"p\",\"identitytoken\":\"id\",\"registrytoken\":\"rt\"}}}");

    assertEquals(new AuthConfig("u", "p", "", "id", "rt"), resolve(EXAMPLE));
  }

  @Test
  void usesDockerHubsLegacyKey() throws IOException {
    dockerConfig(
        "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + base64("hub:pw") + "\"}}}");

    assertEquals(AuthConfig.basic("hub", "pw"), resolve(Registry.parse("docker.io")));
    assertTrue(resolve(EXAMPLE).isAnonymous());
  }

  @Test
  void followsDockerConfigToItsDirectory() throws IOException {
    Path other = Files.createDirectories(home.resolve("elsewhere"));
    Files.writeString(
        other.resolve("config.json"),
        "{\"auths\":{\"registry.example.com\":{\"auth\":\"" + base64("x:y") + "\"}}}");
    env.put("DOCKER_CONFIG", other.toString());

    assertEquals(AuthConfig.basic("x", "y"), resolve(EXAMPLE));
  }

  @Test
  void asksTheCredentialHelperNamedForTheRegistry() throws IOException {
    dockerConfig(
        "{\"credHelpers\":{\"registry.example.com\":\"fake\"},\"auths\":{\"registry.example.com\":{\"auth\":\""
            + base64("file:pw")
            + "\"}}}");
    helper(
        "fake",
        "{\"ServerURL\":\"registry.example.com\",\"Username\":\"helper-user\",\"Secret\":\"helper-secret\"}",
        0);

    assertEquals(AuthConfig.basic("helper-user", "helper-secret"), resolve(EXAMPLE));
    assertEquals("registry.example.com", helperStdin("fake"));
  }

  @Test
  void treatsATokenUserFromAHelperAsAnIdentityToken() throws IOException {
    dockerConfig("{\"credsStore\":\"store\"}");
    helper("store", "{\"Username\":\"<token>\",\"Secret\":\"refresh\"}", 0);

    assertEquals(
        new AuthConfig("", "", "", "refresh", ""), resolve(Registry.parse("index.docker.io")));
    assertEquals("https://index.docker.io/v1/", helperStdin("store"));
  }

  @Test
  void aStoreThatDoesNotKnowTheRegistryMeansAnonymous() throws IOException {
    dockerConfig("{\"credsStore\":\"store\"}");
    helper("store", "credentials not found in native keychain", 1);

    assertTrue(resolve(EXAMPLE).isAnonymous());
  }

  @Test
  void aFailingHelperIsAnErrorNamingHelperAndRegistry() throws IOException {
    dockerConfig("{\"credsStore\":\"store\"}");
    helper("store", "keyring locked", 3);

    IOException e = assertThrows(IOException.class, () -> resolve(EXAMPLE));
    assertEquals(
        "docker-credential-store get failed for registry.example.com (exit 3)", e.getMessage());
  }

  @Test
  void aMissingHelperIsAnErrorNamingIt() throws IOException {
    dockerConfig("{\"credsStore\":\"absent\"}");

    IOException e = assertThrows(IOException.class, () -> resolve(EXAMPLE));
    assertEquals(
        "credential helper docker-credential-absent for registry.example.com is not on the PATH",
        e.getMessage());
  }

  @Test
  void aMalformedConfigIsAnErrorNamingTheFile() throws IOException {
    dockerConfig("{\"auths\": nope");

    IOException e = assertThrows(IOException.class, () -> resolve(EXAMPLE));
    assertTrue(
        e.getMessage()
            .startsWith(
                "reading credentials from "
                    + home.resolve(".docker/config.json")
                    + ": not valid JSON"),
        e.getMessage());
  }

  @Test
  void aMalformedConfigNeverQuotesWhatItHolds() throws IOException {
    dockerConfig("{\"auths\":{\"registry.example.com\":{\"auth\":c2VjcmV0LXZhbHVl}}}");

    IOException e = assertThrows(IOException.class, () -> resolve(EXAMPLE));
    assertEquals(
        "reading credentials from "
            + home.resolve(".docker/config.json")
            + ": not valid JSON (at line 1, column 42)",
        e.getMessage());
    assertEquals(null, e.getCause());
  }

  @Test
  void theDefaultKeychainIsBuiltOnceAndShared() {
    assertSame(Keychain.defaultKeychain(), Keychain.defaultKeychain());
  }

  @Test
  void noFilesMeansAnonymous() throws IOException {
    assertTrue(resolve(EXAMPLE).isAnonymous());
  }

  @Test
  void fallsBackToRegistryAuthFileThenPodman() throws IOException {
    dockerConfig("{\"auths\":{\"other.example.com\":{\"auth\":\"" + base64("d:d") + "\"}}}");
    Path authFile = home.resolve("auth-file.json");
    Files.writeString(
        authFile, "{\"auths\":{\"second.example.com\":{\"auth\":\"" + base64("r:r") + "\"}}}");
    env.put("REGISTRY_AUTH_FILE", authFile.toString());
    Path runtime = Files.createDirectories(home.resolve("run/containers"));
    Files.writeString(
        runtime.resolve("auth.json"),
        "{\"auths\":{\"registry.example.com\":{\"auth\":\"" + base64("p:p") + "\"}}}");
    env.put("XDG_RUNTIME_DIR", home.resolve("run").toString());

    assertEquals(AuthConfig.basic("d", "d"), resolve(Registry.parse("other.example.com")));
    assertEquals(AuthConfig.basic("r", "r"), resolve(Registry.parse("second.example.com")));
    assertEquals(AuthConfig.basic("p", "p"), resolve(EXAMPLE));
  }

  @Test
  void readsPodmansConfigHomeFile() throws IOException {
    Path dir = Files.createDirectories(home.resolve(".config/containers"));
    Files.writeString(
        dir.resolve("auth.json"),
        "{\"auths\":{\"registry.example.com\":{\"auth\":\"" + base64("c:c") + "\"}}}");

    assertEquals(AuthConfig.basic("c", "c"), resolve(EXAMPLE));
  }

  @Test
  void composesInOrderFirstKnownWins() throws IOException {
    Keychain none = Keychain.anonymous();
    Keychain first = registry -> Authenticator.basic("first", "1");
    Keychain second = registry -> Authenticator.basic("second", "2");

    assertEquals(
        AuthConfig.basic("first", "1"),
        Keychain.compose(none, first, second).resolve(EXAMPLE).authorization());
    assertTrue(Keychain.compose(none).resolve(EXAMPLE).authorization().isAnonymous());
  }

  @Test
  void discoversPluginKeychainsThroughTheServiceLoader() throws IOException {
    assertEquals(
        AuthConfig.basic("plugin-user", "plugin-pass"),
        Keychain.serviceLoaded().resolve(Registry.parse(PluginKeychain.HOST)).authorization());
    assertTrue(Keychain.serviceLoaded().resolve(EXAMPLE).authorization().isAnonymous());
  }

  @Test
  void printsNoSecrets() {
    String text =
        new AuthConfig("alice", "pw-secret", base64("alice:pw-secret"), "id-secret", "rt-secret")
            .toString();

    assertFalse(text.contains("secret"), text);
    assertTrue(text.contains("alice"), text);
  }

  @Test
  void refusesAnAuthFieldThatIsNotUserColonPassword() {
    AuthConfig bad = new AuthConfig("", "", base64("no-colon"), "", "");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::decoded);
    assertEquals(
        "the 'auth' field of a credential does not decode to 'username:password'", e.getMessage());
  }
}
