package dev.containerregistry.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.containerregistry.it.support.CountingTransport;
import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Repository;
import dev.containerregistry.testing.Auth;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.testing.Sharing;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.RegistryClient;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pushes {@code -Dbench.images} (default 200) small images, one 4 KiB layer each, to one repository
 * of a token-auth registry:2, three ways: one {@code Remote.write} per image, one {@link
 * RegistryClient} called once per image, and one client given them all in a {@code multiWrite}.
 * Prints the time and the requests sent (to the registry and the token server) of each. Not part of
 * the normal run: select it with {@code -Dtest=ClientPushBenchmark}.
 */
@RegistryTest(auth = Auth.TOKEN, sharing = Sharing.PER_CLASS)
class ClientPushBenchmark {

  private static final int IMAGES = Integer.getInteger("bench.images", 200);

  @Test
  void pushesSmallImagesWithAndWithoutAClient(RegistryContainer registry) throws Exception {
    warmUp(registry);
    Run remote = run("Remote.write per image", registry, "remote", this::remoteCalls);
    Run client = run("one RegistryClient", registry, "client", this::clientCalls);
    Run multi = run("one RegistryClient, multiWrite", registry, "multi", this::multi);
    for (Run r : List.of(client, multi)) {
      System.out.printf(
          Locale.ROOT,
          "[bench] %s vs Remote.write: %.2fx fewer requests, %.2fx faster%n",
          r.name,
          (double) remote.requests / r.requests,
          remote.seconds / r.seconds);
    }
  }

  @FunctionalInterface
  private interface Pushes {
    void push(Map<Reference, Image> images, RemoteOptions options) throws IOException;
  }

  private record Run(String name, double seconds, int requests) {}

  private Run run(String name, RegistryContainer registry, String repo, Pushes pushes)
      throws IOException {
    Map<Reference, Image> images = new LinkedHashMap<>();
    for (int i = 0; i < IMAGES; i++) {
      images.put(Reference.parse(registry.ref("bench/" + repo + ":v" + i)), Randoms.image(4096, 1));
    }
    CountingTransport counted = new CountingTransport();
    RemoteOptions options = registry.options().toBuilder().transport(counted).build();
    int tokensBefore = registry.tokensIssued();
    long start = System.nanoTime();
    pushes.push(images, options);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "[bench] %s: %d images in %.2f s (%.1f ms each); %d requests (%.1f per image), %d pings,"
            + " %d tokens%n",
        name,
        IMAGES,
        seconds,
        seconds * 1000 / IMAGES,
        counted.requests(),
        (double) counted.requests() / IMAGES,
        counted.pings(),
        registry.tokensIssued() - tokensBefore);
    assertEquals(
        IMAGES,
        Remote.list(Repository.parse(registry.ref("bench/" + repo)), options).size(),
        "every tag is there");
    return new Run(name, seconds, counted.requests());
  }

  private void remoteCalls(Map<Reference, Image> images, RemoteOptions options) throws IOException {
    for (Map.Entry<Reference, Image> e : images.entrySet()) {
      Remote.write(e.getKey(), e.getValue(), options);
    }
  }

  private void clientCalls(Map<Reference, Image> images, RemoteOptions options) throws IOException {
    try (RegistryClient client = RegistryClient.builder().options(options).build()) {
      for (Map.Entry<Reference, Image> e : images.entrySet()) {
        client.write(e.getKey(), e.getValue());
      }
    }
  }

  private void multi(Map<Reference, Image> images, RemoteOptions options) throws IOException {
    try (RegistryClient client = RegistryClient.builder().options(options).build()) {
      client.multiWrite(images);
    }
  }

  /** Warms the JIT and the connection pool so that neither mode pays for it alone. */
  private static void warmUp(RegistryContainer registry) throws IOException {
    List<Image> images = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      images.add(Randoms.image(4096, 1));
    }
    RemoteOptions options = registry.options();
    try (RegistryClient client = RegistryClient.builder().options(options).build()) {
      for (int i = 0; i < images.size(); i++) {
        Reference ref = Reference.parse(registry.ref("bench/warmup:v" + i));
        Remote.write(ref, images.get(i), options);
        client.write(ref, images.get(i));
      }
    }
  }
}
