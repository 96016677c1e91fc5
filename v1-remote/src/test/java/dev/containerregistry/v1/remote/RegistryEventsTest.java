package dev.containerregistry.v1.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import dev.containerregistry.name.Digest;
import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Platform;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.authn.Authenticator;
import dev.containerregistry.v1.remote.transport.LocalServer;
import dev.containerregistry.v1.remote.transport.RequestSummary;
import dev.containerregistry.v1.remote.transport.RetryPolicy;
import dev.containerregistry.v1.stream.StreamLayer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** What the event and progress listeners see of pushes, pulls and copies, event by event. */
class RegistryEventsTest {

  @AutoClose private final UploadRegistry uploads = new UploadRegistry();
  @AutoClose private final TestRegistry reads = TestRegistry.start();
  private final Recorder recorder = new Recorder();
  private final List<Progress> progress = new CopyOnWriteArrayList<>();

  private RegistryClient client(UploadMode mode) {
    return RegistryClient.builder()
        .options(
            RemoteOptions.builder()
                .auth(Authenticator.anonymous())
                .smallBlobLimit(0)
                .uploadMode(mode)
                .chunkSize(16 * 1024)
                .retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), 0))
                .events(recorder)
                .progress(progress::add)
                .build())
        .build();
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  @Test
  void everyRequestSentStartsAndEndsOnceAndAStreamLayerGoesFromStartThroughItsBytesToItsEnd()
      throws IOException {
    Repository repo = uploads.repo("stream");
    StreamLayer layer = StreamLayer.of(new ByteArrayInputStream(random(100_000)));

    try (RegistryClient client = client(UploadMode.STREAMING)) {
      client.writeLayer(repo, layer);
    }

    List<String> requests = recorder.requestLines();
    assertEquals(
        uploads.server.requests().size(), requests.size() / 2, String.join("\n", requests));
    for (int i = 0; i < requests.size(); i += 2) {
      assertTrue(requests.get(i).startsWith("start "), requests.get(i));
      assertTrue(
          requests.get(i + 1).startsWith("answer " + requests.get(i).substring("start ".length())),
          requests.get(i) + " then " + requests.get(i + 1));
    }
    assertTrue(
        requests.stream()
            .anyMatch(
                r ->
                    r.matches(
                        "start PATCH http://"
                            + uploads.server.authority()
                            + "/v2/stream/blobs/uploads/u\\d+")),
        "a PATCH without its query: " + requests);

    List<String> blob = recorder.blobLines(1);
    assertEquals("started PUSH " + repo + " digest=none size=-1", blob.get(0));
    assertEquals(
        "finished UPLOADED " + layer.digest() + " size=" + layer.size() + " moved=" + layer.size(),
        blob.get(blob.size() - 1));
    assertBytesClimbTo(blob.subList(1, blob.size() - 1), layer.size());
    assertEquals(layer.size(), last().total());
    assertTrue(last().done());
  }

  @Test
  void aBlobTheRepositoryHasAndABlobTheRegistryMountsFinishWithoutBytes() throws IOException {
    Repository source = uploads.repo("source");
    Repository target = uploads.repo("target");
    Layer layer = Randoms.layer(50_000, MediaType.OCI_LAYER);
    try (RegistryClient client = client(UploadMode.STREAMING)) {
      client.writeLayer(source, layer);
      recorder.clear();

      client.writeLayer(source, layer);
      client.writeLayer(target, MountableLayer.of(layer, source));
    }

    String head = "started PUSH %s digest=" + layer.digest() + " size=" + layer.size();
    assertEquals(
        List.of(
            head.formatted(source),
            "finished EXISTED " + layer.digest() + " size=" + layer.size() + " moved=0"),
        recorder.blobLines(1));
    assertEquals(
        List.of(
            head.formatted(target),
            "finished MOUNTED " + layer.digest() + " size=" + layer.size() + " moved=0"),
        recorder.blobLines(2));
  }

  @Test
  void aRetriedRequestAndARestartedBlobEachSayWhyOnce() throws IOException {
    Repository repo = uploads.repo("retry");
    Layer layer = Randoms.layer(50_000, MediaType.OCI_LAYER);
    AtomicInteger heads = new AtomicInteger();
    uploads.fault =
        new UploadRegistry.Fault() {
          @Override
          public boolean matches(LocalServer.Recorded request) {
            return request.method().equals("HEAD") && heads.getAndIncrement() == 0;
          }

          @Override
          public void answer(HttpExchange exchange) throws IOException {
            LocalServer.respond(exchange, 503, "");
          }
        };
    uploads.failPatches.set(1);

    try (RegistryClient client = client(UploadMode.STREAMING)) {
      client.writeLayer(repo, layer);
    }

    String blobUrl = "http://" + uploads.server.authority() + "/v2/retry/blobs/" + layer.digest();
    assertEquals(
        List.of("retrying HEAD " + blobUrl + " attempt=1 reason=status 503"),
        recorder.lines.stream().filter(l -> l.startsWith("retrying")).toList());
    List<String> blob = recorder.blobLines(1);
    assertEquals(
        1, blob.stream().filter(l -> l.equals("retry 1 status 503")).count(), blob.toString());
    assertEquals(
        "finished UPLOADED " + layer.digest() + " size=" + layer.size() + " moved=" + layer.size(),
        blob.get(blob.size() - 1));
  }

  @Test
  void aChunkResumedAfterADroppedConnectionNamesTheErrorAndCountsNoByteTwice() throws IOException {
    Repository repo = uploads.repo("resume");
    StreamLayer layer = StreamLayer.of(new ByteArrayInputStream(random(100_000)));
    uploads.dropNextPatchAfter = 5_000;

    try (RegistryClient client = client(UploadMode.CHUNKED)) {
      client.writeLayer(repo, layer);
    }

    List<String> blob = recorder.blobLines(1);
    List<String> retries = blob.stream().filter(l -> l.startsWith("retry ")).toList();
    assertEquals(1, retries.size(), blob.toString());
    assertTrue(
        retries.get(0).startsWith("retry 1 ") && retries.get(0).contains("Exception"),
        retries.get(0));
    assertBytesClimbTo(blob.stream().filter(l -> l.startsWith("bytes ")).toList(), layer.size());
    assertEquals(layer.size(), last().complete());
  }

  @Test
  void aPullReportsEachBlobReadAndItsBytesAsTheReaderConsumesThem() throws IOException {
    TestImage image = TestImage.of("pulled layer ", Platform.of("linux", "amd64"));
    image.serve(reads, "app", "v1");

    try (RegistryClient client = client(UploadMode.STREAMING)) {
      Image pulled = client.image(reads.ref("app:v1"));
      assertTrue(recorder.blobLines(1).isEmpty(), "nothing is read before a stream is opened");
      pulled.configFile();
      try (InputStream layer = pulled.layers().get(0).compressed()) {
        layer.readAllBytes();
      }
    }

    Repository repo = reads.repo("app");
    assertEquals(
        List.of(
            "started PULL "
                + repo
                + " digest="
                + image.configDigest()
                + " size="
                + image.config().length,
            "bytes " + image.config().length,
            "finished DOWNLOADED "
                + image.configDigest()
                + " size="
                + image.config().length
                + " moved="
                + image.config().length),
        recorder.blobLines(1));
    List<String> layer = recorder.blobLines(2);
    assertEquals(
        "started PULL " + repo + " digest=" + image.layerDigest() + " size=" + image.layer().length,
        layer.get(0));
    assertEquals(
        "finished DOWNLOADED "
            + image.layerDigest()
            + " size="
            + image.layer().length
            + " moved="
            + image.layer().length,
        layer.get(layer.size() - 1));
    assertEquals(image.config().length + image.layer().length, last().total());
    assertTrue(last().done(), last().toString());
    assertMonotonic();
  }

  @Test
  void aPulledBlobFailsWhenItsDigestIsWrongOrItsReaderStopsFarFromItsEnd() throws IOException {
    byte[] good = random(300_000);
    Hash goodDigest = Hash.sha256(good);
    byte[] bad = random(1000);
    Hash claimed = Hash.sha256(random(999));
    reads.blob("app", goodDigest, good);
    reads.blob("app", claimed, bad);

    try (RegistryClient client = client(UploadMode.STREAMING)) {
      try (InputStream wrong = client.blob(Digest.parse(reads.repo("app") + "@" + claimed))) {
        assertThrows(VerificationException.class, wrong::readAllBytes);
      }
      try (InputStream early = client.blob(Digest.parse(reads.repo("app") + "@" + goodDigest))) {
        assertEquals(1000, early.readNBytes(1000).length);
      }
    }

    assertInstanceOf(VerificationException.class, recorder.failures.get(1));
    List<String> early = recorder.blobLines(2);
    assertTrue(early.get(early.size() - 1).startsWith("failed IOException"), early.toString());
    assertTrue(
        recorder.failures.get(2).getMessage().contains("before its end"),
        recorder.failures.get(2).getMessage());
  }

  @Test
  void aCopyReportsEveryBlobPulledAndPushedButCountsItsBytesOnce() throws IOException {
    TestImage image = TestImage.of("copied layer ", Platform.of("linux", "amd64"));
    image.serve(reads, "app", "v1");

    try (RegistryClient client = client(UploadMode.STREAMING)) {
      client.copy(reads.ref("app:v1"), uploads.ref("copy:v1"));
    }

    assertEquals(2, recorder.lines.stream().filter(l -> l.contains(" started PULL ")).count());
    assertEquals(2, recorder.lines.stream().filter(l -> l.contains(" started PUSH ")).count());
    assertEquals(image.config().length + image.layer().length, last().total());
    assertTrue(last().done(), last().toString());
    assertMonotonic();
  }

  private Progress last() {
    return progress.get(progress.size() - 1);
  }

  private void assertMonotonic() {
    for (int i = 1; i < progress.size(); i++) {
      assertTrue(progress.get(i).total() >= progress.get(i - 1).total(), "total fell at " + i);
      assertTrue(
          progress.get(i).complete() >= progress.get(i - 1).complete(), "complete fell at " + i);
    }
  }

  private static void assertBytesClimbTo(List<String> lines, long size) {
    assertTrue(!lines.isEmpty(), "no bytes reported");
    long previous = 0;
    for (String line : lines) {
      long bytes = Long.parseLong(line.substring("bytes ".length()));
      assertTrue(bytes > previous, lines.toString());
      previous = bytes;
    }
    assertEquals(size, previous);
  }

  /** Records each event as a line, blob events prefixed by the transfer's number in this test. */
  private static final class Recorder implements RegistryEventListener {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final Map<Integer, Exception> failures = new ConcurrentHashMap<>();
    private final Map<Long, Integer> numbers = new ConcurrentHashMap<>();

    void clear() {
      lines.clear();
      numbers.clear();
    }

    List<String> requestLines() {
      return lines.stream()
          .filter(
              l -> l.startsWith("start ") || l.startsWith("answer ") || l.startsWith("no answer "))
          .toList();
    }

    List<String> blobLines(int number) {
      String prefix = "blob " + number + " ";
      List<String> blob = new ArrayList<>();
      for (String line : lines) {
        if (line.startsWith(prefix)) {
          blob.add(line.substring(prefix.length()));
        }
      }
      return blob;
    }

    private int number(BlobTransfer blob) {
      return numbers.computeIfAbsent(blob.id(), id -> numbers.size() + 1);
    }

    private String blob(BlobTransfer blob) {
      return "blob " + number(blob) + " ";
    }

    @Override
    public void requestStarted(RequestSummary request) {
      lines.add("start " + request);
    }

    @Override
    public void responseReceived(RequestSummary request, int status, Duration elapsed) {
      lines.add("answer " + request + " " + status);
    }

    @Override
    public void requestFailed(RequestSummary request, IOException failure, Duration elapsed) {
      lines.add("no answer " + request + " " + failure.getClass().getSimpleName());
    }

    @Override
    public void retrying(RequestSummary request, int attempt, Duration delay, String reason) {
      lines.add("retrying " + request + " attempt=" + attempt + " reason=" + reason);
    }

    @Override
    public void blobStarted(BlobTransfer blob) {
      lines.add(
          blob(blob)
              + "started "
              + blob.direction()
              + " "
              + blob.repository()
              + " digest="
              + blob.digest().map(Hash::toString).orElse("none")
              + " size="
              + blob.size());
    }

    @Override
    public void blobProgress(BlobTransfer blob, long bytes) {
      lines.add(blob(blob) + "bytes " + bytes);
    }

    @Override
    public void blobRetrying(BlobTransfer blob, int attempt, Duration delay, String reason) {
      lines.add(blob(blob) + "retry " + attempt + " " + reason);
    }

    @Override
    public void blobFinished(BlobTransfer blob, BlobEvent outcome) {
      lines.add(
          blob(blob)
              + "finished "
              + outcome.outcome()
              + " "
              + outcome.digest()
              + " size="
              + outcome.size()
              + " moved="
              + outcome.bytesTransferred());
    }

    @Override
    public void blobFailed(BlobTransfer blob, Exception failure) {
      failures.put(number(blob), failure);
      lines.add(blob(blob) + "failed " + failure.getClass().getSimpleName());
    }
  }
}
