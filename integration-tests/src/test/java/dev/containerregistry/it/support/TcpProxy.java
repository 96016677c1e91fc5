package dev.containerregistry.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback in front of a registry that cuts one connection once, after a given
 * number of client-to-server bytes: either in the middle of whatever request is being sent ({@link
 * #cutOnceMidRequestAfter(long)}) or as the next request starts, before any of it reaches the
 * registry ({@link #cutOnceAtNextRequestAfter(long)}). Every other byte passes unchanged.
 *
 * <p>The second kind exists because Distribution 2.8 (registry:2) cancels an upload session whose
 * stored size no longer matches its state token, which is what a body cut mid-way leaves behind; a
 * connection lost between two chunks is what such a registry can resume from.
 */
public final class TcpProxy implements AutoCloseable {
  private final ServerSocket server;
  private final InetSocketAddress target;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicLong cutAfter = new AtomicLong(Long.MAX_VALUE);
  private final AtomicBoolean atRequestStart = new AtomicBoolean();
  private final AtomicBoolean cut = new AtomicBoolean();
  private final Thread acceptor;

  /** Starts a proxy to {@code targetHost:targetPort} on an ephemeral loopback port. */
  public TcpProxy(String targetHost, int targetPort) throws IOException {
    this.target = new InetSocketAddress(targetHost, targetPort);
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "tcp-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** {@code localhost:<port>} of the proxy. */
  public String hostPort() {
    return "localhost:" + server.getLocalPort();
  }

  /** Arms the cut: one connection dies in the middle of the request that passes {@code bytes}. */
  public void cutOnceMidRequestAfter(long bytes) {
    arm(bytes, false);
  }

  /** Arms the cut: after {@code bytes}, one connection dies as its next request starts. */
  public void cutOnceAtNextRequestAfter(long bytes) {
    arm(bytes, true);
  }

  private void arm(long bytes, boolean requestStart) {
    cut.set(false);
    atRequestStart.set(requestStart);
    cutAfter.set(bytes);
  }

  /** True once the armed cut has happened. */
  public boolean hasCut() {
    return cut.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(target.getHostString(), target.getPort());
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream, true);
        pump(upstream, client, false);
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void pump(Socket from, Socket to, boolean upstream) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              long sent = 0;
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                  if (upstream && shouldCut(sent, buffer, n)) {
                    cut.set(true);
                    from.setSoLinger(true, 0);
                    from.close();
                    to.close();
                    return;
                  }
                  out.write(buffer, 0, n);
                  out.flush();
                  sent += n;
                }
              } catch (IOException e) {
                // the other side closed; close both
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "tcp-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private boolean shouldCut(long sentBefore, byte[] read, int n) {
    if (cut.get() || sentBefore + n <= cutAfter.get()) {
      return false;
    }
    return !atRequestStart.get() || startsRequest(read, n);
  }

  private static boolean startsRequest(byte[] read, int n) {
    String start = new String(read, 0, Math.min(n, 8), java.nio.charset.StandardCharsets.US_ASCII);
    return start.startsWith("PATCH ")
        || start.startsWith("PUT ")
        || start.startsWith("POST ")
        || start.startsWith("GET ")
        || start.startsWith("HEAD ");
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    sockets.forEach(TcpProxy::closeQuietly);
  }
}
