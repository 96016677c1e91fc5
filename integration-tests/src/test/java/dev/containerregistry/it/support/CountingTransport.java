package dev.containerregistry.it.support;

import dev.containerregistry.v1.remote.transport.Request;
import dev.containerregistry.v1.remote.transport.Response;
import dev.containerregistry.v1.remote.transport.Transport;
import dev.containerregistry.v1.remote.transport.Transports;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bottom transport of the SDK with every request it sends counted: all of them, the pings
 * ({@code GET /v2/}) and those to a token server ({@code /token}).
 */
public final class CountingTransport implements Transport {

  private final Transport http = Transports.http();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger pings = new AtomicInteger();
  private final AtomicInteger tokenRequests = new AtomicInteger();

  @Override
  public Response send(Request request) throws IOException {
    requests.incrementAndGet();
    String path = request.uri().getPath();
    if (path.equals("/v2/")) {
      pings.incrementAndGet();
    } else if (path.equals("/token")) {
      tokenRequests.incrementAndGet();
    }
    return http.send(request);
  }

  /** Every request sent so far. */
  public int requests() {
    return requests.get();
  }

  /** The {@code GET /v2/} requests sent so far. */
  public int pings() {
    return pings.get();
  }

  /** The requests to the token server so far. */
  public int tokenRequests() {
    return tokenRequests.get();
  }
}
