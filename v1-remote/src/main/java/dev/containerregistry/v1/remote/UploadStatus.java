package dev.containerregistry.v1.remote;

import dev.containerregistry.v1.remote.transport.Locations;
import dev.containerregistry.v1.remote.transport.Request;
import dev.containerregistry.v1.remote.transport.Response;
import dev.containerregistry.v1.remote.transport.Transport;
import dev.containerregistry.v1.remote.transport.TransportException;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.URI;

/**
 * {@code GET <upload location>}: how many bytes the registry holds of an upload in progress ({@code
 * Range: 0-<last byte>}, {@code 204}), and where to continue.
 *
 * @param location the location to send the next chunk to
 * @param offset the number of bytes the registry holds
 */
record UploadStatus(URI location, long offset) {

  static UploadStatus query(Transport transport, URI location) throws IOException {
    Response response = TransportException.check(transport.send(Request.get(location)));
    try (response) {
      URI next =
          response.header("Location").isPresent()
              ? Locations.resolve(response.request(), response.header("Location").get())
              : location;
      return new UploadStatus(
          next, response.header("Range").map(UploadStatus::offsetAfter).orElse(0L));
    } catch (NumberFormatException e) {
      throw new ProtocolException(
          response.request()
              + ": asking for the upload's offset, the registry sent a malformed Range '"
              + response.header("Range").orElse("")
              + "'");
    }
  }

  /**
   * The offset after a {@code Range} of {@code 0-<last>}. {@code 0--1} means 0; {@code 0-0} is
   * ambiguous (registry:2 sends it for an empty upload and for a one-byte one) and is read as 0.
   */
  static long offsetAfter(String range) {
    String value = range.strip();
    if (value.startsWith("bytes=")) {
      value = value.substring("bytes=".length());
    }
    int dash = value.indexOf('-');
    if (dash < 0) {
      throw new NumberFormatException(range);
    }
    long last = Long.parseLong(value.substring(dash + 1));
    return last <= 0 ? 0 : last + 1;
  }
}
