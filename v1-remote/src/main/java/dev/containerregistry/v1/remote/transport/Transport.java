package dev.containerregistry.v1.remote.transport;

import java.io.IOException;

/**
 * Sends one request and returns the answer, whatever its status. The seam of the registry client:
 * the HTTP client, redirects, authentication and retries are each a {@code Transport} wrapping the
 * next, and plugin authors can add their own (metrics, headers, another client).
 *
 * <p>Implementations are thread-safe. A non-2xx status is a normal return value; turn it into a
 * {@link TransportException} with {@link TransportException#check(Response, int...)}.
 */
@FunctionalInterface
public interface Transport {

  /**
   * Sends {@code request}; the caller closes the returned response.
   *
   * @throws IOException when no answer could be obtained
   */
  Response send(Request request) throws IOException;
}
