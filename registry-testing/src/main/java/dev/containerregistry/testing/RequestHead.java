package dev.containerregistry.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The head of an HTTP/1.1 request as the client sent it (request line and headers up to the blank
 * line), kept byte for byte, with what the proxy needs to know of it: the method and how the body
 * is framed.
 */
final class RequestHead {
  /** Longest head accepted; a registry client's heads are far smaller. */
  static final int MAX_BYTES = 64 * 1024;

  private final byte[] bytes;
  private final String text;

  private RequestHead(byte[] bytes) {
    this.bytes = bytes;
    this.text = new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /**
   * The next head on {@code in}, or null when the client closed the connection between requests.
   */
  static @Nullable RequestHead read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    for (int b; (b = in.read()) >= 0; ) {
      head.write(b);
      if (head.size() > MAX_BYTES) {
        throw new ProtocolException("request head longer than " + MAX_BYTES + " bytes");
      }
      boolean expected = b == (matched % 2 == 0 ? '\r' : '\n');
      matched = expected ? matched + 1 : (b == '\r' ? 1 : 0);
      if (matched == 4) {
        return new RequestHead(head.toByteArray());
      }
    }
    if (head.size() > 0) {
      throw new ProtocolException("connection closed inside a request head");
    }
    return null;
  }

  /** The head's exact bytes. */
  byte[] bytes() {
    return bytes.clone();
  }

  /** The request method, such as {@code PATCH}. */
  String method() {
    int space = text.indexOf(' ');
    return space < 0 ? text.strip() : text.substring(0, space);
  }

  /** The value of the first header called {@code name} (any case), or null. */
  @Nullable String header(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (String line : text.split("\r\n", -1)) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(wanted)) {
        return line.substring(colon + 1).strip();
      }
    }
    return null;
  }

  /** True when the body comes in {@code Transfer-Encoding: chunked}. */
  boolean chunked() {
    String encoding = header("Transfer-Encoding");
    return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
  }

  /** The declared body length; empty when chunked or when the request has no body. */
  OptionalLong contentLength() throws ProtocolException {
    String length = header("Content-Length");
    if (length == null || chunked()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(length));
    } catch (NumberFormatException e) {
      throw new ProtocolException("bad Content-Length: " + length);
    }
  }

  /** True when the client waits for {@code 100 Continue} before it sends the body. */
  boolean expectsContinue() {
    String expect = header("Expect");
    return expect != null && expect.equalsIgnoreCase("100-continue");
  }
}
