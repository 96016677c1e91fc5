package dev.containerregistry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault proxy against upstream servers on loopback: what passes, what is cut or answered. */
class FaultProxyTest {
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final AtomicInteger upstreamRequests = new AtomicInteger();
  private HttpServer upstream;

  @BeforeEach
  void startUpstream() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.createContext(
        "/",
        exchange -> {
          try (exchange) {
            upstreamRequests.incrementAndGet();
            byte[] body =
                ("got " + exchange.getRequestBody().readAllBytes().length)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    upstream.start();
  }

  @AfterEach
  void stopUpstream() {
    upstream.stop(0);
  }

  private FaultProxy proxy() throws IOException {
    return new FaultProxy("127.0.0.1", upstream.getAddress().getPort());
  }

  @Test
  void cutAfterBytesLetsExactlyThatManyBytesReachTheServerThenResetsTheConnection()
      throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        FaultProxy proxy = new FaultProxy("127.0.0.1", server.getLocalPort())) {
      CompletableFuture<Integer> received =
          CompletableFuture.supplyAsync(
              () -> {
                int count = 0;
                try (Socket accepted = server.accept()) {
                  InputStream in = accepted.getInputStream();
                  for (int n; (n = in.read(new byte[8192])) >= 0; ) {
                    count += n;
                  }
                } catch (IOException reset) {
                  // the proxy reset the connection: count what arrived before
                }
                return count;
              });
      byte[] head =
          "PUT /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII);
      long cutAfter = head.length + 5000L;
      proxy.inject(Fault.cutAfterBytes(cutAfter));

      try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
        OutputStream out = client.getOutputStream();
        out.write(head);
        assertThrows(
            IOException.class,
            () -> {
              for (int i = 0; i < 100; i++) {
                out.write(new byte[1000]);
                out.flush();
                Thread.sleep(5);
              }
              if (client.getInputStream().read() < 0) {
                throw new IOException("closed");
              }
            });
      }
      assertEquals(cutAfter, (long) received.get(10, TimeUnit.SECONDS));
      assertEquals(1, proxy.strikes());
      assertFalse(proxy.armed(), "a one-shot fault is spent");
    }
  }

  @Test
  void statusAnswersTheNextRequestsItselfWithRetryAfterThenPassesTheRestOnOneConnection()
      throws Exception {
    try (FaultProxy proxy = proxy()) {
      proxy.inject(Fault.status(503, Duration.ofSeconds(2)).times(2));

      HttpResponse<String> first = post(proxy, new byte[3000], false);
      assertEquals(503, first.statusCode());
      assertEquals("2", first.headers().firstValue("Retry-After").orElse(""));
      assertTrue(first.body().contains("UNAVAILABLE"), first.body());
      assertEquals(503, post(proxy, new byte[10], true).statusCode());
      HttpResponse<String> third = post(proxy, new byte[4321], true);

      assertEquals(200, third.statusCode());
      assertEquals("got 4321", third.body());
      assertEquals(1, upstreamRequests.get(), "the answered requests never reached the server");
      assertEquals(2, proxy.strikes());
    }
  }

  @Test
  void chunkedBodiesPassUnchangedAndWithoutAFaultEverythingPasses() throws Exception {
    try (FaultProxy proxy = proxy()) {
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> response = post(proxy, new byte[70_000 + i], true);
        assertEquals("got " + (70_000 + i), response.body());
      }
      assertEquals(3, upstreamRequests.get());
      assertEquals(0, proxy.strikes());
    }
  }

  @Test
  void cutBeforeRequestLetsTheFirstRequestsPassAndDropsTheConnectionOfTheNext() throws Exception {
    try (FaultProxy proxy = proxy();
        Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      proxy.inject(Fault.cutBeforeRequestAfterBytes(1));
      byte[] get = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
      client.getOutputStream().write(get);
      String response = readResponse(client.getInputStream());
      assertTrue(response.startsWith("HTTP/1.1 200"), response);

      client.getOutputStream().write(get);
      assertThrows(
          IOException.class,
          () -> {
            if (client.getInputStream().read() < 0) {
              throw new IOException("closed");
            }
          });
      assertEquals(1, upstreamRequests.get());
      assertEquals(1, proxy.strikes());
    }
  }

  @Test
  void refuseResetsNewConnectionsAndDelayHoldsRequestsBack() throws Exception {
    try (FaultProxy proxy = proxy()) {
      proxy.inject(Fault.refuse().times(2));
      for (int i = 0; i < 2; i++) {
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
          assertThrows(
              IOException.class,
              () -> {
                if (client.getInputStream().read() < 0) {
                  throw new IOException("closed");
                }
              });
        }
      }
      assertEquals(0, upstreamRequests.get());

      proxy.inject(Fault.delay(Duration.ofMillis(300)).always());
      long start = System.nanoTime();
      assertEquals("got 1", post(proxy, new byte[1], false).body());
      assertEquals("got 2", post(proxy, new byte[2], false).body());
      assertTrue(System.nanoTime() - start >= Duration.ofMillis(600).toNanos());
      assertEquals(2, proxy.strikes());

      proxy.clear();
      assertEquals(200, post(proxy, new byte[1], false).statusCode());
      assertEquals(0, proxy.strikes());
    }
  }

  @Test
  void faultsSayWhatTheyAreAndRefuseBadValues() {
    assertEquals("cutAfterBytes(10).times(1)", Fault.cutAfterBytes(10).toString());
    assertEquals(
        "status(429, PT1S).always()", Fault.status(429, Duration.ofSeconds(1)).always().toString());
    assertEquals(Fault.refuse().times(3), Fault.refuse().times(3));
    assertThrows(IllegalArgumentException.class, () -> Fault.status(200, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> Fault.cutAfterBytes(-1));
    assertThrows(IllegalArgumentException.class, () -> Fault.delay(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> Fault.refuse().times(0));
  }

  private HttpResponse<String> post(FaultProxy proxy, byte[] body, boolean chunked)
      throws Exception {
    HttpRequest.BodyPublisher publisher =
        chunked
            ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
            : HttpRequest.BodyPublishers.ofByteArray(body);
    return http.send(
        HttpRequest.newBuilder(URI.create("http://" + proxy.hostPort() + "/blobs"))
            .POST(publisher)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Reads a response whose body is short and declared by Content-Length. */
  private static String readResponse(InputStream in) throws IOException {
    StringBuilder text = new StringBuilder();
    while (!text.toString().contains("\r\n\r\n")) {
      text.append((char) in.read());
    }
    String head = text.toString();
    int at = head.toLowerCase(java.util.Locale.ROOT).indexOf("content-length:");
    int length = Integer.parseInt(head.substring(at + 15, head.indexOf("\r\n", at)).strip());
    return head + new String(in.readNBytes(length), StandardCharsets.US_ASCII);
  }
}
