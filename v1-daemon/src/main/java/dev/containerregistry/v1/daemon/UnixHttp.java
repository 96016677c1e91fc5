package dev.containerregistry.v1.daemon;

import dev.containerregistry.v1.LimitedInputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Just enough HTTP/1.1 over a Unix domain socket for the engine API: one request per connection
 * ({@code Connection: close}), a request body streamed with chunked encoding, a response body read
 * as a stream (chunked, by length, or to the end).
 */
final class UnixHttp {

  private static final int MAX_HEADER_BYTES = 64 * 1024;

  /** Writes a request body; the stream is chunk-encoded underneath. */
  @FunctionalInterface
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /** A response: status, headers (lower-case names), and the body, which the caller closes. */
  static final class Response implements Closeable {
    final int status;
    final Map<String, String> headers;
    final InputStream body;
    private final SocketChannel channel;

    Response(int status, Map<String, String> headers, InputStream body, SocketChannel channel) {
      this.status = status;
      this.headers = headers;
      this.body = body;
      this.channel = channel;
    }

    /** The body as text, at most {@code limit} bytes, for error messages. */
    String text(int limit) throws IOException {
      return new String(body.readNBytes(limit), StandardCharsets.UTF_8).strip();
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  private final Path socket;

  UnixHttp(Path socket) {
    this.socket = socket;
  }

  /** Sends a request; the caller closes the response. */
  Response send(String method, String target, Map<String, String> headers, @Nullable Body body)
      throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.connect(UnixDomainSocketAddress.of(socket));
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 256 * 1024);
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      head.append("Host: docker\r\nConnection: close\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      if (body != null) {
        head.append("Transfer-Encoding: chunked\r\n");
      }
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      if (body != null) {
        ChunkedOutputStream chunked = new ChunkedOutputStream(out);
        body.writeTo(chunked);
        chunked.finish();
      }
      out.flush();
      return read(channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static Response read(SocketChannel channel) throws IOException {
    InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
    String statusLine = line(in);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP response: " + statusLine);
    }
    int status;
    try {
      status = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("not an HTTP status line: " + statusLine, e);
    }
    Map<String, String> headers = new HashMap<>();
    int headerBytes = 0;
    while (true) {
      String line = line(in);
      if (line.isEmpty()) {
        break;
      }
      headerBytes += line.length();
      if (headerBytes > MAX_HEADER_BYTES) {
        throw new IOException("HTTP response headers exceed " + MAX_HEADER_BYTES + " bytes");
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
    }
    InputStream body;
    if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
      body = new ChunkedInputStream(in);
    } else if (headers.containsKey("content-length")) {
      body =
          new LimitedInputStream(
              in, Long.parseLong(headers.get("content-length")), "the engine's answer body");
    } else {
      body = in;
    }
    return new Response(status, headers, body, channel);
  }

  /** One CRLF-terminated line, without the CRLF, bounded. */
  static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b; (b = in.read()) != '\n'; ) {
      if (b < 0) {
        throw new IOException("the engine closed the connection in the middle of a response");
      }
      if (line.size() >= MAX_HEADER_BYTES) {
        throw new IOException("an HTTP line exceeds " + MAX_HEADER_BYTES + " bytes");
      }
      line.write(b);
    }
    String text = line.toString(StandardCharsets.ISO_8859_1);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }
}
