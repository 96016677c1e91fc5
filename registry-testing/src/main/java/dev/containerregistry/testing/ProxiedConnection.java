package dev.containerregistry.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * One client connection through a {@link FaultProxy}: requests go to the registry one by one, each
 * head and body passed on byte for byte unless the armed fault strikes; responses come back
 * unchanged on a second thread.
 */
final class ProxiedConnection {
  private static final int MAX_CHUNK_LINE = 4096;

  private final FaultProxy proxy;
  private final Socket client;
  private final Socket upstream;
  private final Object clientWrites = new Object();

  /** Thrown inside the request loop when the armed fault cuts this connection. */
  private static final class Cut extends Exception {
    private static final long serialVersionUID = 1L;

    Cut() {
      super(null, null, false, false);
    }
  }

  ProxiedConnection(FaultProxy proxy, Socket client, Socket upstream) {
    this.proxy = proxy;
    this.client = client;
    this.upstream = upstream;
  }

  /** Starts the two threads of this connection. */
  void start() {
    FaultProxy.daemon("fault-proxy-responses", this::copyResponses).start();
    FaultProxy.daemon("fault-proxy-requests", this::forwardRequests).start();
  }

  private void forwardRequests() {
    try (client;
        upstream) {
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = upstream.getOutputStream();
      try {
        for (RequestHead head; (head = RequestHead.read(in)) != null; ) {
          if (!handle(head, in, out)) {
            return;
          }
        }
        upstream.shutdownOutput();
      } catch (Cut cut) {
        reset();
      }
    } catch (IOException | RuntimeException gone) {
      // The client or the registry went away: the connection ends.
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Passes one request on or answers it; false when the connection must close afterwards. */
  private boolean handle(RequestHead head, InputStream in, OutputStream out)
      throws IOException, Cut, InterruptedException {
    if (proxy.cutBeforeRequest()) {
      throw new Cut();
    }
    Fault answer = proxy.answerRequest();
    if (answer != null) {
      if (head.expectsContinue()) {
        answer(head, answer);
        return false;
      }
      body(head, in, OutputStream.nullOutputStream(), false);
      answer(head, answer);
      return true;
    }
    Duration delay = proxy.delayRequest();
    if (!delay.isZero()) {
      Thread.sleep(delay.toMillis());
    }
    byte[] bytes = head.bytes();
    forward(bytes, bytes.length, out);
    body(head, in, out, true);
    return true;
  }

  /**
   * Copies the request's body to {@code out}, through the fault's byte count if {@code counted}.
   */
  private void body(RequestHead head, InputStream in, OutputStream out, boolean counted)
      throws IOException, Cut {
    OptionalLong length = head.contentLength();
    if (length.isPresent()) {
      copy(in, length.getAsLong(), out, counted);
    } else if (head.chunked()) {
      while (true) {
        byte[] line = line(in);
        send(line, out, counted);
        long size = chunkSize(line);
        if (size == 0) {
          for (byte[] trailer = line(in); ; trailer = line(in)) {
            send(trailer, out, counted);
            if (trailer.length == 2) {
              return;
            }
          }
        }
        copy(in, size, out, counted);
        send(line(in), out, counted);
      }
    }
  }

  private void copy(InputStream in, long length, OutputStream out, boolean counted)
      throws IOException, Cut {
    byte[] buffer = new byte[16 * 1024];
    long left = length;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new ProtocolException("client closed the connection inside a request body");
      }
      if (counted) {
        forward(buffer, n, out);
      } else {
        out.write(buffer, 0, n);
      }
      left -= n;
    }
  }

  private void send(byte[] bytes, OutputStream out, boolean counted) throws IOException, Cut {
    if (counted) {
      forward(bytes, bytes.length, out);
    } else {
      out.write(bytes);
    }
  }

  /** Writes what the armed fault lets pass of the first {@code n} bytes; cuts if not all. */
  private void forward(byte[] bytes, int n, OutputStream out) throws IOException, Cut {
    int passed = proxy.pass(n);
    out.write(bytes, 0, passed);
    out.flush();
    if (passed < n) {
      throw new Cut();
    }
  }

  private static byte[] line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b; (b = in.read()) >= 0; ) {
      line.write(b);
      if (b == '\n') {
        return line.toByteArray();
      }
      if (line.size() > MAX_CHUNK_LINE) {
        break;
      }
    }
    throw new ProtocolException("bad or missing chunk line in a chunked request body");
  }

  private static long chunkSize(byte[] line) throws ProtocolException {
    String text = new String(line, StandardCharsets.US_ASCII).strip();
    int semicolon = text.indexOf(';');
    try {
      return Long.parseLong(semicolon < 0 ? text : text.substring(0, semicolon).strip(), 16);
    } catch (NumberFormatException e) {
      throw new ProtocolException("bad chunk size: " + text);
    }
  }

  private void answer(RequestHead head, Fault fault) throws IOException {
    byte[] body =
        ("{\"errors\":[{\"code\":\""
                + (fault.status() == 429 ? "TOOMANYREQUESTS" : "UNAVAILABLE")
                + "\",\"message\":\"injected by the test's fault proxy\"}]}")
            .getBytes(StandardCharsets.UTF_8);
    boolean withBody = !head.method().equals("HEAD");
    String response =
        "HTTP/1.1 "
            + fault.status()
            + " Injected Fault\r\n"
            + "Retry-After: "
            + fault.duration().toSeconds()
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + (withBody ? body.length : 0)
            + "\r\n\r\n";
    synchronized (clientWrites) {
      OutputStream out = client.getOutputStream();
      out.write(response.getBytes(StandardCharsets.US_ASCII));
      if (withBody) {
        out.write(body);
      }
      out.flush();
    }
  }

  private void copyResponses() {
    byte[] buffer = new byte[16 * 1024];
    try {
      InputStream in = upstream.getInputStream();
      OutputStream out = client.getOutputStream();
      for (int n; (n = in.read(buffer)) >= 0; ) {
        synchronized (clientWrites) {
          out.write(buffer, 0, n);
          out.flush();
        }
      }
      client.shutdownOutput();
    } catch (IOException gone) {
      // One side closed: the request thread ends the connection.
    }
  }

  /** Closes both sides with a reset (RST), as a dropped connection looks to the client. */
  private void reset() {
    try {
      client.setSoLinger(true, 0);
      upstream.setSoLinger(true, 0);
    } catch (IOException closed) {
      // Already closed: nothing to reset.
    }
  }
}
