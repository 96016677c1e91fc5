package dev.containerregistry.v1.remote;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.authn.Authenticator;
import dev.containerregistry.v1.remote.transport.RetryPolicy;
import dev.containerregistry.v1.stream.StreamLayer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Stopping a call: an interrupt or the operation timeout aborts the requests in flight, even a
 * worker blocked writing an upload the server no longer reads, and tags nothing.
 */
class StopTest {

  @AutoClose private final UploadRegistry registry = new UploadRegistry();
  @AutoClose private final BlackHole hole = new BlackHole();

  /** Accepts connections and never reads from them, so a client writing to one blocks. */
  private static final class BlackHole implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    BlackHole() {
      try {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    accepted.add(server.accept());
                  }
                } catch (IOException closed) {
                  // the test is over
                }
              },
              "black-hole");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getLocalPort() + "/upload";
    }

    boolean connected() {
      return !accepted.isEmpty();
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket socket : accepted) {
        socket.close();
      }
    }
  }

  private RegistryClient.Builder client() {
    return RegistryClient.builder()
        .options(
            RemoteOptions.builder()
                .auth(Authenticator.anonymous())
                .retry(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), 0))
                .build());
  }

  private static Image imageWithEndlessLayer() {
    return new LayeredImage(List.of(StreamLayer.of(Randoms.endless(1))));
  }

  private void awaitBlockedUpload() throws InterruptedException {
    for (int i = 0; i < 500 && !hole.connected(); i++) {
      Thread.sleep(10);
    }
    assertTrue(hole.connected(), "the upload reached the server that does not read");
    Thread.sleep(300); // long enough to fill the socket buffers and block the write
  }

  private static boolean uploading() {
    return Thread.getAllStackTraces().values().stream()
        .anyMatch(
            stack ->
                Arrays.stream(stack)
                    .anyMatch(f -> f.getClassName().equals(BlobUploader.class.getName())));
  }

  @Test
  void anInterruptAbortsAWorkerBlockedWritingAnUploadAndTagsNothing() throws Exception {
    registry.corruptLocation = hole.url();
    Reference ref = registry.ref("stop/app:1");
    try (RegistryClient client = client().build()) {
      Image image = imageWithEndlessLayer();
      CompletableFuture<Throwable> failure = new CompletableFuture<>();
      Thread caller =
          new Thread(
              () -> {
                try {
                  client.write(ref, image);
                  failure.complete(null);
                } catch (Throwable e) {
                  failure.complete(e);
                }
              });
      caller.start();
      awaitBlockedUpload();

      caller.interrupt();

      Throwable e = failure.get(5, TimeUnit.SECONDS);
      assertTrue(e instanceof InterruptedIOException, String.valueOf(e));
      Thread.sleep(200);
      assertFalse(uploading(), "no worker is still uploading");
      assertNull(registry.manifest(ref), "nothing was tagged");
    }
  }

  @Test
  void theOperationTimeoutStopsACallAndLeavesTheThreadUninterrupted() throws Exception {
    registry.corruptLocation = hole.url();
    Reference ref = registry.ref("stop/app:2");
    try (RegistryClient client = client().operationTimeout(Duration.ofMillis(800)).build()) {
      Image image = imageWithEndlessLayer();

      InterruptedIOException e =
          assertThrows(InterruptedIOException.class, () -> client.write(ref, image));

      assertTrue(e.getMessage().contains("operation timeout"), e.getMessage());
      assertFalse(Thread.currentThread().isInterrupted(), "the interrupt was the deadline's");
      Thread.sleep(200);
      assertFalse(uploading(), "no worker is still uploading");
      assertNull(registry.manifest(ref), "nothing was tagged");
    }
  }
}
