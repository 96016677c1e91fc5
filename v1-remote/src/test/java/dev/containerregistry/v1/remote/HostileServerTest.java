package dev.containerregistry.v1.remote;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.remote.authn.Authenticator;
import dev.containerregistry.v1.remote.transport.LocalServer;
import dev.containerregistry.v1.remote.transport.RetryPolicy;
import dev.containerregistry.v1.remote.transport.TransportException;
import dev.containerregistry.v1.remote.transport.Transports;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** What a hostile or broken server can make the client do: bounds, lost answers, leaks. */
class HostileServerTest {

  @AutoClose private final LocalServer server = LocalServer.start();

  private static final RemoteOptions OPTIONS =
      RemoteOptions.builder()
          .smallBlobLimit(0)
          .auth(Authenticator.anonymous())
          .retry(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2), 0))
          .build();

  private Repository repo() {
    return Repository.parse(server.authority() + "/app");
  }

  @Test
  void aHugeChunkMinimumIsRefusedBeforeAnyBufferIsSized() {
    ChunkedSender sender = new ChunkedSender(Transports.http(), 1024, RetryPolicy.defaults());
    UploadSession.Opened session =
        new UploadSession.Opened(URI.create(server.base() + "/upload"), 2L * 1024 * 1024 * 1024);
    ProtocolException e =
        assertThrows(
            ProtocolException.class,
            () ->
                sender.send(
                    session,
                    new ByteArrayInputStream(new byte[10]),
                    ProgressTracker.of(RemoteOptions.defaults())
                        .start(
                            BlobTransfer.Direction.PUSH,
                            Repository.parse("127.0.0.1/app"),
                            java.util.Optional.empty(),
                            -1)));
    assertTrue(e.getMessage().contains("OCI-Chunk-Min-Length"), e.getMessage());
    assertEquals(0, server.requests().size());
  }

  @Test
  void anOverlongResponseHeaderLineFailsTheRequest() {
    server.handle(
        (exchange, request) -> {
          exchange.getResponseHeaders().add("X-Junk", "a".repeat(200_000));
          LocalServer.respond(exchange, 200, "{}");
        });
    assertThrows(IOException.class, () -> Remote.list(repo(), OPTIONS));
  }

  @Test
  void tooManyResponseHeadersFailTheRequest() {
    server.handle(
        (exchange, request) -> {
          for (int i = 0; i < 1000; i++) {
            exchange.getResponseHeaders().add("X-Junk-" + i, "x");
          }
          LocalServer.respond(exchange, 200, "{}");
        });
    assertThrows(IOException.class, () -> Remote.list(repo(), OPTIONS));
  }

  @Test
  void endlessTagPagingStopsAtThePageCap() {
    AtomicInteger pages = new AtomicInteger();
    server.handle(
        (exchange, request) -> {
          int n = pages.incrementAndGet();
          exchange
              .getResponseHeaders()
              .add("Link", "</v2/app/tags/list?last=t" + n + ">; rel=\"next\"");
          LocalServer.respond(exchange, 200, "{\"tags\":[\"t" + n + "\"]}");
        });
    IOException e = assertThrows(IOException.class, () -> Remote.list(repo(), OPTIONS));
    assertTrue(e.getMessage().contains("pages"), e.getMessage());
    assertTrue(pages.get() <= Pages.MAX_PAGES + 2, "pages read: " + pages.get());
  }

  @Test
  void aCommitWhoseAnswerWasLostSucceedsWhenTheBlobLanded() {
    Hash digest = Hash.sha256("data".getBytes(StandardCharsets.UTF_8));
    server.handle(
        (exchange, request) ->
            LocalServer.respond(exchange, request.method().equals("HEAD") ? 200 : 404, ""));
    UploadCommit commit =
        new UploadCommit(Transports.http(), new BlobExistence(Transports.http(), repo()));
    assertDoesNotThrow(() -> commit.commit(URI.create(server.base() + "/upload/1"), digest));
  }

  @Test
  void aCommitRefusedWith404FailsWhenTheBlobIsAbsent() {
    Hash digest = Hash.sha256("data".getBytes(StandardCharsets.UTF_8));
    server.handle((exchange, request) -> LocalServer.respond(exchange, 404, ""));
    UploadCommit commit =
        new UploadCommit(Transports.http(), new BlobExistence(Transports.http(), repo()));
    TransportException e =
        assertThrows(
            TransportException.class,
            () -> commit.commit(URI.create(server.base() + "/upload/1"), digest));
    assertEquals(404, e.status());
  }

  @Test
  void theFirstFailureOfAPushCancelsItsOtherUploads() throws IOException {
    try (UploadRegistry registry = new UploadRegistry()) {
      AtomicInteger slowBytesRead = new AtomicInteger();
      InputStream slow =
          new InputStream() {
            @Override
            public int read() throws IOException {
              try {
                Thread.sleep(50);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("cancelled");
              }
              return slowBytesRead.incrementAndGet() > 1000 ? -1 : 'x';
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
              int b = read();
              if (b < 0) {
                return -1;
              }
              buffer[off] = (byte) b;
              return 1;
            }
          };
      InputStream refused =
          new InputStream() {
            @Override
            public int read() throws IOException {
              throw new IOException("the source of this layer is gone");
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
              return read();
            }
          };
      RemoteOptions options = OPTIONS.toBuilder().jobs(2).build();
      try (RegistryClient client = RegistryClient.builder().options(options).build();
          Pusher pusher =
              Pusher.open(
                  registry.repo("app"),
                  java.util.List.of(),
                  client.context(),
                  ProgressTracker.of(RemoteOptions.defaults()))) {
        java.util.concurrent.CompletableFuture<?> both =
            java.util.concurrent.CompletableFuture.allOf(
                pusher.blob(dev.containerregistry.v1.stream.StreamLayer.of(slow), "layer"),
                pusher.blob(dev.containerregistry.v1.stream.StreamLayer.of(refused), "layer"));
        IOException e =
            assertThrows(
                IOException.class,
                () -> assertTimeoutPreemptively(Duration.ofSeconds(20), () -> pusher.await(both)));
        assertTrue(e.getMessage().contains("gone"), e.getMessage());
      }
      assertTrue(slowBytesRead.get() < 1000, "the slow upload ran to its end");
    }
  }

  @Test
  void badGzipBlobsNeverLeakAConnection() throws IOException {
    byte[] bad = {0x1f, (byte) 0x8b, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    byte[] padding = new byte[256 * 1024];
    byte[] body = new byte[bad.length + padding.length];
    System.arraycopy(bad, 0, body, 0, bad.length);
    Hash digest = Hash.sha256(body);
    server.handle(
        (exchange, request) -> {
          LocalServer.respond(
              exchange, 200, request.uri().getPath().equals("/v2/") ? new byte[0] : body);
        });
    BlobFetcher fetcher =
        new BlobFetcher(Transports.http(), ProgressTracker.of(RemoteOptions.defaults()));
    Descriptor descriptor =
        Descriptor.builder()
            .mediaType(MediaType.OCI_LAYER)
            .digest(digest)
            .size(bad.length + padding.length)
            .build();
    Layer layer = RemoteLayer.uncompressed(fetcher, repo(), descriptor);
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          for (int i = 0; i < 100; i++) {
            assertThrows(IOException.class, layer::uncompressed);
          }
          try (InputStream in = layer.compressed()) {
            assertEquals(bad.length + padding.length, in.readAllBytes().length);
          }
        });
  }
}
