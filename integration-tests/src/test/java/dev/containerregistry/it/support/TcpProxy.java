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
 * A TCP proxy on loopback in front of a registry that can cut one connection in the middle of a
 * request: once armed with {@link #cutOnceAfterUpstreamBytes(long)}, the first connection whose
 * client-to-server traffic passes that many bytes is closed abruptly; every other byte passes.
 */
public final class TcpProxy implements AutoCloseable {
  private final ServerSocket server;
  private final InetSocketAddress target;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicLong cutAfter = new AtomicLong(Long.MAX_VALUE);
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

  /** Arms the cut: one connection dies after {@code bytes} client-to-server bytes. */
  public void cutOnceAfterUpstreamBytes(long bytes) {
    cut.set(false);
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
                  if (upstream && !cut.get() && sent + n > cutAfter.get()) {
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
