package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.time.Duration;

/** Tells a {@link TransportListener} about each request the next transport sends. */
final class ObservedTransport implements Transport {

  private final Transport next;
  private final TransportListener listener;

  private ObservedTransport(Transport next, TransportListener listener) {
    this.next = next;
    this.listener = listener;
  }

  /** {@code next}, observed by {@code listener}; {@code next} itself when nothing listens. */
  static Transport of(Transport next, TransportListener listener) {
    return listener == TransportListener.NONE ? next : new ObservedTransport(next, listener);
  }

  @Override
  public Response send(Request request) throws IOException {
    RequestSummary summary = RequestSummary.of(request);
    listener.requestStarted(summary);
    long start = System.nanoTime();
    Response response;
    try {
      response = next.send(request);
    } catch (IOException e) {
      listener.requestFailed(summary, e, Duration.ofNanos(System.nanoTime() - start));
      throw e;
    }
    try {
      listener.responseReceived(
          summary, response.status(), Duration.ofNanos(System.nanoTime() - start));
    } catch (RuntimeException e) {
      response.close(); // a listener that throws must not keep the connection
      throw e;
    }
    return response;
  }
}
