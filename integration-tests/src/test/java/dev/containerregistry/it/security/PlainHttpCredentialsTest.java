package dev.containerregistry.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.it.support.Commands;
import dev.containerregistry.name.NameOption;
import dev.containerregistry.name.Reference;
import dev.containerregistry.testing.Auth;
import dev.containerregistry.testing.Prerequisites;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryUser;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.remote.authn.Authenticator;
import dev.containerregistry.v1.remote.transport.HttpSettings;
import dev.containerregistry.v1.remote.transport.RetryPolicy;
import dev.containerregistry.v1.remote.transport.Transports;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where credentials may travel over plain http, against a real registry:2 with basic auth: to this
 * machine, yes; to the same registry reached at its private (Docker bridge) address, only when the
 * user marked it insecure. A registry named for plain http that speaks TLS is reached over TLS.
 */
class PlainHttpCredentialsTest {

  private static final RemoteOptions ALICE =
      RemoteOptions.builder()
          .auth(Authenticator.basic("alice", "s3cret"))
          .retry(RetryPolicy.none())
          .build();

  @BeforeAll
  static void docker() {
    Prerequisites.requireDocker();
  }

  @Test
  void credentialsGoOverPlainHttpToLoopbackButToAPrivateAddressOnlyWhenInsecure() throws Exception {
    try (RegistryContainer registry =
        new RegistryContainer()
            .withAuth(Auth.BASIC)
            .withUsers(RegistryUser.pusher("alice", "s3cret"))) {
      registry.start();
      String bridge = bridgeAddress(registry) + ":5000";
      Image image = Randoms.image(2048, 1);

      Remote.write(Reference.parse(registry.ref("loopback/app:1")), image, ALICE);

      IOException refused =
          assertThrows(
              IOException.class,
              () -> Remote.write(Reference.parse(bridge + "/private/app:1"), image, ALICE));
      assertTrue(refused.getMessage().contains("over plain http"), refused.getMessage());
      assertTrue(refused.getMessage().contains("insecure"), refused.getMessage());
      assertEquals(
          List.of("loopback/app"),
          Remote.catalog(Reference.parse(registry.ref("x:1")).context().registry(), ALICE),
          "nothing was written through the refused path");

      Reference insecure = Reference.parse(bridge + "/private/app:1", NameOption.insecure());
      Remote.write(insecure, image, ALICE);
      assertEquals(image.digest(), Remote.head(insecure, ALICE).digest());
    }
  }

  @Test
  void aLoopbackRegistryThatServesTlsIsReachedOverTls() throws Exception {
    try (RegistryContainer registry = new RegistryContainer().withTls()) {
      registry.start();
      RemoteOptions trusting =
          RemoteOptions.builder()
              .auth(Authenticator.anonymous())
              .retry(RetryPolicy.none())
              .transport(
                  Transports.http(HttpSettings.builder().sslContext(registry.sslContext()).build()))
              .build();
      // localhost names plain http; the registry answers only over TLS.
      Reference ref = Reference.parse(registry.localHostPort() + "/tls/app:1");
      Image image = Randoms.image(2048, 1);

      Remote.write(ref, image, trusting);

      assertEquals(image.digest(), Remote.image(ref, trusting).digest());
    }
  }

  /** The registry container's address on Docker's bridge: private, and not this machine's. */
  private static String bridgeAddress(RegistryContainer registry) throws Exception {
    return Commands.run(
            List.of(
                "docker",
                "inspect",
                "--format",
                "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}",
                registry.getContainerId()))
        .strip();
  }
}
