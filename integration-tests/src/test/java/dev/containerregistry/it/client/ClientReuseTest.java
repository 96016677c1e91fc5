package dev.containerregistry.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.containerregistry.it.support.CountingTransport;
import dev.containerregistry.name.Reference;
import dev.containerregistry.testing.Auth;
import dev.containerregistry.testing.Prerequisites;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryUser;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.RegistryClient;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.remote.authn.Authenticator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One {@link RegistryClient} against a token-auth registry:2 keeps its ping and tokens. */
class ClientReuseTest {

  @BeforeAll
  static void docker() {
    Prerequisites.requireDocker();
  }

  @Test
  void twoPushesThroughOneClientPingOnceAndFetchOneTokenPerScope() throws Exception {
    CountingTransport counted = new CountingTransport();
    try (RegistryContainer registry = tokenRegistry();
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
      assertEquals(1, registry.tokensIssued(), "one token for the one push scope");

      assertEquals(
          second.digest(), client.head(Reference.parse(registry.ref("reuse/app:two"))).digest());
      assertEquals(1, counted.pings(), "reads reuse the ping too");
      assertEquals(2, registry.tokensIssued(), "the pull scope gets its own token");
    }
  }

  @SuppressWarnings("resource") // closed by the caller's try-with-resources
  private static RegistryContainer tokenRegistry() {
    RegistryContainer registry =
        new RegistryContainer().withAuth(Auth.TOKEN).withUsers(RegistryUser.pusher("bob", "pw"));
    registry.start();
    return registry;
  }
}
