package dev.containerregistry.it.push;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.containerregistry.it.support.SkopeoCheck;
import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Tag;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.remote.transport.Transport;
import dev.containerregistry.v1.remote.transport.Transports;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Tagging a manifest the registry already holds: one manifest PUT, no blob traffic. */
@RegistryTest
class PushTagTest {

  @Test
  void tagsAnExistingManifestWithOnlyAManifestPut(RegistryContainer registry) throws Exception {
    Image image = Randoms.image(10_000, 2);
    Remote.write(
        Reference.parse(registry.ref("tagged/app:first")), image, RemoteOptions.defaults());
    List<String> sent = new CopyOnWriteArrayList<>();
    Transport recording =
        request -> {
          sent.add(request.method() + " " + request.uri().getPath());
          return Transports.http().send(request);
        };

    Remote.tag(
        Tag.parse(registry.ref("tagged/app:second")),
        image,
        RemoteOptions.builder().transport(recording).build());

    assertEquals(List.of("GET /v2/", "PUT /v2/tagged/app/manifests/second"), sent);
    assertArrayEquals(
        image.rawManifest(), new RegistryHttp(registry).manifest("tagged/app", "second"));
    SkopeoCheck.assertSkopeoSees(registry.ref("tagged/app:second"), image);
  }
}
