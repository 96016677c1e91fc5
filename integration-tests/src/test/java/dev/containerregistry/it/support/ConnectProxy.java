package dev.containerregistry.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP proxy on loopback that serves only {@code CONNECT} tunnels, as a corporate proxy
 * does for https. It asks for basic proxy credentials ({@code 407}) when given some, sends every
 * tunnel to {@code 127.0.0.1} at the requested port whatever the requested host (so test host names
 * need no DNS), and records every byte clients sent it, tunnelled bytes included.
 */
public final class ConnectProxy implements AutoCloseable {

  private final ServerSocket server;
  private final String expectedAuthorization;
  private final List<String> connectLines = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  /** Starts the proxy, requiring {@code user}/{@code password} as proxy credentials. */
  public ConnectProxy(String user, String password) throws IOException {
    this.expectedAuthorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "connect-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** {@code http://127.0.0.1:<port>} without credentials. */
  public String address() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** The request lines of the tunnels opened with valid credentials ({@code CONNECT host:port}). */
  public List<String> tunnels() {
    return List.copyOf(connectLines);
  }

  /** Everything clients sent, as ISO-8859-1 text. */
  public String received() {
    synchronized (received) {
      return received.toString(StandardCharsets.ISO_8859_1);
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        Thread handler = new Thread(() -> serve(client), "connect-proxy-client");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        String requestLine = head.substring(0, head.indexOf("\r\n"));
        String[] parts = requestLine.split(" ", -1);
        if (!parts[0].equals("CONNECT")) {
          reply(out, "405 Method Not Allowed");
          return;
        }
        if (!head.contains("\r\nProxy-Authorization: " + expectedAuthorization + "\r\n")) {
          reply(
              out,
              "407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"proxy\"");
          continue;
        }
        connectLines.add(requestLine);
        int port = Integer.parseInt(parts[1].substring(parts[1].lastIndexOf(':') + 1));
        try (Socket upstream = new Socket()) {
          upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
          sockets.add(upstream);
          out.write(
              "HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          Thread back = new Thread(() -> pipe(upstream, client, false), "connect-proxy-back");
          back.setDaemon(true);
          back.start();
          pipe(client, upstream, true);
        }
        return;
      }
    } catch (IOException | RuntimeException dropped) {
      // The client or the registry went away: the tunnel ends.
    }
  }

  private static void reply(OutputStream out, String statusAndHeaders) throws IOException {
    out.write(
        ("HTTP/1.1 " + statusAndHeaders + "\r\nContent-Length: 0\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads up to the blank line ending a request head, recording it; null at end of stream. */
  private String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    for (int b; (b = in.read()) >= 0; ) {
      head.write(b);
      record(new byte[] {(byte) b}, 1);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return head.toString(StandardCharsets.ISO_8859_1);
      }
    }
    return null;
  }

  private void pipe(Socket from, Socket to, boolean recorded) {
    byte[] buffer = new byte[16384];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int n; (n = in.read(buffer)) >= 0; ) {
        if (recorded) {
          record(buffer, n);
        }
        out.write(buffer, 0, n);
        out.flush();
      }
      to.shutdownOutput();
    } catch (IOException closed) {
      // One side closed: the other direction ends on its own.
    }
  }

  private void record(byte[] bytes, int n) {
    synchronized (received) {
      received.write(bytes, 0, n);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : sockets) {
      s.close();
    }
  }
}
