package dev.containerregistry.v1.remote.transport;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The HTTP client honours its read timeout against a server that accepts and never answers. */
class HttpSettingsTest {

  @Test
  void aStalledServerFailsWithinTheReadTimeout() throws IOException {
    try (ServerSocket stalled = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                try (Socket held = stalled.accept()) {
                  held.setKeepAlive(true);
                  Thread.sleep(10_000);
                } catch (IOException | InterruptedException e) {
                  // The test is over.
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      Transport http =
          Transports.http(HttpSettings.builder().readTimeout(Duration.ofMillis(500)).build());
      long start = System.nanoTime();
      try {
        assertThrows(
            SocketTimeoutException.class,
            () ->
                http.send(
                    Request.get(
                        URI.create("http://127.0.0.1:" + stalled.getLocalPort() + "/v2/"))));
      } finally {
        ((Closeable) http).close();
        acceptor.interrupt();
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 5_000, "took " + millis + " ms");
    }
  }
}
