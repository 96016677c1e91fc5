package dev.containerregistry.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP/1.1 proxy on loopback in front of a plain-http registry that makes trouble on demand:
 * connections cut after a number of bytes, delayed or refused, requests answered with 429 or 5xx
 * and a {@code Retry-After}. It knows where each request starts and ends, so it never reorders or
 * changes a byte; with no {@link Fault} injected it passes everything through.
 *
 * <pre>{@code
 * try (FaultProxy proxy = new FaultProxy("localhost", registryPort)) {
 *   proxy.inject(Fault.status(503, Duration.ofSeconds(1)).times(2));
 *   // ... push to proxy.hostPort() + "/repo:tag"; the first two requests get 503 ...
 *   assertEquals(2, proxy.strikes());
 * }
 * }</pre>
 *
 * <p>One fault is armed at a time; {@link #inject(Fault)} replaces it and {@link #clear()} removes
 * it. Each connection costs two daemon threads, ended with it; {@link #close()} ends them all.
 */
public final class FaultProxy implements AutoCloseable {
  private final ServerSocket server;
  private final InetSocketAddress target;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private @Nullable ArmedFault armed;

  /** Starts a proxy to {@code targetHost:targetPort} on an ephemeral loopback port. */
  public FaultProxy(String targetHost, int targetPort) throws IOException {
    this.target =
        InetSocketAddress.createUnresolved(Objects.requireNonNull(targetHost), targetPort);
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon("fault-proxy-accept", this::acceptLoop).start();
  }

  /** {@code localhost:<port>}: the registry part of references that go through the proxy. */
  public String hostPort() {
    return "localhost:" + server.getLocalPort();
  }

  /** The proxy's port on loopback. */
  public int port() {
    return server.getLocalPort();
  }

  /** Arms {@code fault}, replacing the one armed before; its byte count starts now. */
  public synchronized void inject(Fault fault) {
    this.armed = new ArmedFault(Objects.requireNonNull(fault, "fault"));
  }

  /** Removes the armed fault: everything passes from now on. */
  public synchronized void clear() {
    this.armed = null;
  }

  /** How many times the armed fault struck (0 when none is armed). */
  public synchronized int strikes() {
    return armed == null ? 0 : armed.strikes();
  }

  /** True when a fault is armed and has strikes left. */
  public synchronized boolean armed() {
    return armed != null && !armed.spent();
  }

  synchronized boolean cutBeforeRequest() {
    return armed != null && armed.cutBeforeRequest();
  }

  synchronized @Nullable Fault answerRequest() {
    return armed != null && armed.strikeIf(Fault.Kind.STATUS) ? armed.fault() : null;
  }

  synchronized Duration delayRequest() {
    return armed != null && armed.strikeIf(Fault.Kind.DELAY)
        ? armed.fault().duration()
        : Duration.ZERO;
  }

  synchronized int pass(int length) {
    return armed == null ? length : armed.pass(length);
  }

  private synchronized boolean refuseConnection() {
    return armed != null && armed.strikeIf(Fault.Kind.REFUSE);
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException closed) {
        return;
      }
      try {
        if (refuseConnection()) {
          client.setSoLinger(true, 0);
          client.close();
          continue;
        }
        Socket upstream = new Socket(target.getHostString(), target.getPort());
        track(client);
        track(upstream);
        new ProxiedConnection(this, client, upstream).start();
      } catch (IOException unreachable) {
        closeQuietly(client);
      }
    }
  }

  private void track(Socket socket) {
    sockets.add(socket);
    sockets.removeIf(Socket::isClosed);
  }

  static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException alreadyClosed) {
      // nothing left to release
    }
  }

  /** Stops accepting and closes every connection. */
  @Override
  public void close() throws IOException {
    server.close();
    sockets.forEach(FaultProxy::closeQuietly);
    sockets.clear();
  }
}
