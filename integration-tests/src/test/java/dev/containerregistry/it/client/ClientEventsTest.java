package dev.containerregistry.it.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.it.support.CountingTransport;
import dev.containerregistry.name.Reference;
import dev.containerregistry.testing.Auth;
import dev.containerregistry.testing.Prerequisites;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryUser;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.BlobEvent;
import dev.containerregistry.v1.remote.BlobTransfer;
import dev.containerregistry.v1.remote.Progress;
import dev.containerregistry.v1.remote.RegistryClient;
import dev.containerregistry.v1.remote.RegistryEventListener;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.remote.transport.RequestSummary;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a {@link RegistryEventListener} and a progress listener on one client see of a push, a
 * second push, a copy within the registry and a pull, against a token-auth registry:2.
 */
class ClientEventsTest {

  private final CountingTransport counted = new CountingTransport();
  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger answered = new AtomicInteger();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<Long, List<String>> blobs = new ConcurrentHashMap<>();
  private final List<Progress> progress = new CopyOnWriteArrayList<>();

  private final RegistryEventListener recorder =
      new RegistryEventListener() {
        @Override
        public void requestStarted(RequestSummary request) {
          started.incrementAndGet();
          requests.add(request.toString());
        }

        @Override
        public void responseReceived(RequestSummary request, int status, Duration elapsed) {
          answered.incrementAndGet();
        }

        @Override
        public void blobStarted(BlobTransfer blob) {
          line(blob, "start " + blob.direction());
        }

        @Override
        public void blobProgress(BlobTransfer blob, long bytes) {
          line(blob, "bytes");
        }

        @Override
        public void blobFinished(BlobTransfer blob, BlobEvent outcome) {
          line(blob, "end " + outcome.outcome() + " " + outcome.bytesTransferred());
        }

        @Override
        public void blobFailed(BlobTransfer blob, Exception failure) {
          line(blob, "failed " + failure);
        }

        private void line(BlobTransfer blob, String line) {
          List<String> lines = blobs.computeIfAbsent(blob.id(), id -> new CopyOnWriteArrayList<>());
          if (!line.equals("bytes") || !lines.get(lines.size() - 1).equals("bytes")) {
            lines.add(line); // one "bytes" line per run of progress events
          }
        }
      };

  @BeforeAll
  static void docker() {
    Prerequisites.requireDocker();
  }

  @Test
  void theListenerSeesEveryRequestAndEachBlobUploadedFoundMountedAndDownloaded() throws Exception {
    try (RegistryContainer registry =
        new RegistryContainer().withAuth(Auth.TOKEN).withUsers(RegistryUser.pusher("bob", "pw"))) {
      registry.start();
      RemoteOptions observed =
          registry.options().toBuilder()
              .transport(counted)
              .events(recorder)
              .progress(progress::add)
              .build();
      try (RegistryClient client = RegistryClient.builder().options(observed).build()) {
        pushCopyAndPull(registry, client);
      }
    }
    assertEquals(counted.requests(), started.get(), "one start per request sent: " + requests);
    assertEquals(started.get(), answered.get(), "every request was answered");
  }

  private void pushCopyAndPull(RegistryContainer registry, RegistryClient client) throws Exception {
    Image image = Randoms.image(300_000, 2); // layers over the small-blob limit: HEAD first
    Reference first = registry.reference("events/app:1");

    client.write(first, image);
    assertEquals(List.of("UPLOADED", "UPLOADED", "UPLOADED"), outcomes());
    assertTrue(requests.stream().anyMatch(r -> r.contains("/token")), requests.toString());

    blobs.clear();
    client.write(registry.reference("events/app:2"), image);
    // The config is under the small-blob limit: sent again in one request rather than asked for.
    assertEquals(List.of("EXISTED", "EXISTED", "UPLOADED"), outcomes());

    blobs.clear();
    client.copy(first, registry.reference("events/copy:1"));
    // The copy reads the source's config (the image is checked before anything is written).
    assertEquals(List.of("DOWNLOADED", "MOUNTED", "MOUNTED", "MOUNTED"), outcomes());

    blobs.clear();
    progress.clear();
    Image pulled = client.image(first);
    for (Layer layer : pulled.layers()) {
      try (InputStream in = layer.compressed()) {
        in.transferTo(OutputStream.nullOutputStream());
      }
    }
    assertEquals(List.of("DOWNLOADED", "DOWNLOADED"), outcomes());
    Progress last = progress.get(progress.size() - 1);
    assertEquals(image.layers().get(0).size() + image.layers().get(1).size(), last.total());
    assertTrue(last.done(), last.toString());
  }

  /**
   * The outcome of each blob, sorted; every blob's events were start, then bytes when any moved,
   * then its end.
   */
  private List<String> outcomes() {
    for (List<String> lines : blobs.values()) {
      String end = lines.get(lines.size() - 1);
      boolean moved = !end.endsWith(" 0");
      assertEquals(moved ? 3 : 2, lines.size(), lines.toString());
      assertTrue(lines.get(0).startsWith("start "), lines.toString());
      assertTrue(end.startsWith("end "), lines.toString());
    }
    return blobs.values().stream()
        .map(lines -> lines.get(lines.size() - 1).split(" ", -1)[1])
        .sorted()
        .toList();
  }
}
