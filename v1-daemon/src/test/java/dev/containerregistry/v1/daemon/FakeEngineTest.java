package dev.containerregistry.v1.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Tag;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.tarball.Tarball;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fake engine on a Unix socket answers what a real one answers when things go wrong. */
class FakeEngineTest {

  @TempDir Path dir;

  @Test
  void aRefusedRequestNamesTheEngineTheRequestAndTheEnginesMessage() throws Exception {
    Path socket = dir.resolve("engine.sock");
    CompletableFuture<byte[]> request =
        serveOnce(socket, http("500 Internal Server Error", "{\"message\":\"disk is full\"}\n"));
    Daemon daemon = Daemon.at("unix://" + socket);

    EngineException e =
        assertThrows(EngineException.class, () -> daemon.image(Reference.parse("app:1")));

    assertEquals(500, e.status());
    assertEquals(
        "Docker engine unix://"
            + socket
            + ": GET /images/index.docker.io/library/app:1/json answered 500: disk is full",
        e.getMessage());
    assertTrue(
        new String(request.get(10, TimeUnit.SECONDS), StandardCharsets.US_ASCII)
            .startsWith("GET /images/index.docker.io/library/app:1/json HTTP/1.1\r\n"));
  }

  @Test
  void loadStreamsATarballAndReportsAnErrorTheEngineSendsInsideItsAnswer() throws Exception {
    Path socket = dir.resolve("engine.sock");
    String progress = "{\"errorDetail\":{\"message\":\"invalid tar header\"},\"error\":\"x\"}\n";
    CompletableFuture<byte[]> request =
        serveOnce(
            socket,
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(progress.length())
                + "\r\n"
                + progress
                + "\r\n0\r\n\r\n");
    Image image = Randoms.image(2048, 2);

    EngineException e =
        assertThrows(
            EngineException.class,
            () -> Daemon.at("unix://" + socket).load(Map.of(Tag.parse("example.com/a:1"), image)));

    assertTrue(
        e.getMessage().endsWith("POST /images/load failed: invalid tar header"), e.getMessage());
    Path received = dir.resolve("received.tar");
    Files.write(received, request.get(10, TimeUnit.SECONDS));
    assertEquals(
        image.digest(), Tarball.open(received).image(Tag.parse("example.com/a:1")).digest());
  }

  @Test
  void onlyUnixSocketAddressesAreAccepted() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Daemon.at("tcp://127.0.0.1:2375"));

    assertTrue(e.getMessage().contains("'tcp://127.0.0.1:2375'"), e.getMessage());
    assertEquals("unix:///var/run/docker.sock", EngineAddress.fromEnvironment(Map.of()));
    assertEquals(
        "unix:///x.sock", EngineAddress.fromEnvironment(Map.of("DOCKER_HOST", "unix:///x.sock")));
  }

  private static String http(String status, String body) {
    return "HTTP/1.1 " + status + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
  }

  /**
   * Accepts one connection, reads the request (the chunked body decoded), answers {@code response};
   * completes with the request head for a body-less request, or the body.
   */
  private static CompletableFuture<byte[]> serveOnce(Path socket, String response)
      throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    return CompletableFuture.supplyAsync(
        () -> {
          try (server;
              SocketChannel channel = server.accept()) {
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
            StringBuilder head = new StringBuilder();
            String line = UnixHttp.line(in);
            while (!line.isEmpty()) {
              head.append(line).append("\r\n");
              line = UnixHttp.line(in);
            }
            byte[] result =
                head.toString().contains("Transfer-Encoding: chunked")
                    ? new ChunkedInputStream(in).readAllBytes()
                    : head.toString().getBytes(StandardCharsets.US_ASCII);
            OutputStream out = Channels.newOutputStream(channel);
            out.write(response.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return result;
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }
}
