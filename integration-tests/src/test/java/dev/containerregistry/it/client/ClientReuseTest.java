package dev.containerregistry.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.containerregistry.it.RegistryContainer;
import dev.containerregistry.it.RegistryExtension;
import dev.containerregistry.it.support.AuthRegistries;
import dev.containerregistry.it.support.CountingTransport;
import dev.containerregistry.it.support.TokenServer;
import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.RegistryClient;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.remote.authn.Authenticator;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One {@link RegistryClient} against a token-auth registry:2 keeps its ping and tokens. */
class ClientReuseTest {

  @BeforeAll
  static void docker() {
    RegistryExtension.requireDocker();
  }

  @Test
  void twoPushesThroughOneClientPingOnceAndFetchOneTokenPerScope(@TempDir Path dir)
      throws Exception {
    Map<String, TokenServer.User> users =
        Map.of("bob", new TokenServer.User("pw", Set.of("pull", "push")));
    CountingTransport counted = new CountingTransport();
    try (TokenServer tokens = new TokenServer(users, dir);
        RegistryContainer registry = AuthRegistries.token(tokens);
        RegistryClient client =
            RegistryClient.builder()
                .options(
                    RemoteOptions.builder()
                        .auth(Authenticator.basic("bob", "pw"))
                        .transport(counted)
                        .build())
                .build()) {
      Image first = Randoms.image(4096, 1);
      Image second = Randoms.image(4096, 1);
      client.write(Reference.parse(registry.ref("reuse/app:one")), first);
      client.write(Reference.parse(registry.ref("reuse/app:two")), second);
      assertEquals(1, counted.pings(), "one ping for both pushes");
      assertEquals(1, tokens.tokensIssued(), "one token for the one push scope");

      assertEquals(
          second.digest(), client.head(Reference.parse(registry.ref("reuse/app:two"))).digest());
      assertEquals(1, counted.pings(), "reads reuse the ping too");
      assertEquals(2, tokens.tokensIssued(), "the pull scope gets its own token");
    }
  }
}
