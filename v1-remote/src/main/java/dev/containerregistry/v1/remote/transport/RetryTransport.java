package dev.containerregistry.v1.remote.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.SequenceInputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport's retry layer: resends a request whose body can be sent again after a failure its
 * {@link RetryPolicy} retries. The last failed response is returned as is when attempts run out; a
 * failure without an answer comes out as a {@link TransportException} of status 0 with the I/O
 * error as its cause (an interrupt stays an {@link InterruptedIOException}). A request whose body
 * is a one-shot stream is sent once: restarting it is the caller's decision.
 */
final class RetryTransport implements Transport {

  private static final Logger LOG = LoggerFactory.getLogger(RetryTransport.class);

  private final Transport next;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final TransportListener listener;

  RetryTransport(Transport next, RetryPolicy policy, Sleeper sleeper, TransportListener listener) {
    this.next = Objects.requireNonNull(next, "next");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public Response send(Request request) throws IOException {
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= policy.maxAttempts() || !request.replayable();
      Response response;
      try {
        response = next.send(request);
      } catch (IOException e) {
        if (last || !policy.retries(e)) {
          throw failure(request, e);
        }
        LOG.debug("{}: attempt {} failed ({}), retrying", request, attempt, e.toString());
        Duration wait = policy.delay(attempt);
        listener.retrying(RequestSummary.of(request), attempt, wait, TransportListener.reason(e));
        sleeper.sleep(wait);
        continue;
      }
      if (last || response.successful()) {
        return response;
      }
      Response peeked = peekRetried(response);
      if (peeked != null) {
        return peeked;
      }
      Duration wait = policy.delay(attempt, response);
      LOG.debug(
          "{}: status {} on attempt {}, retrying in {}", request, response.status(), attempt, wait);
      listener.retrying(RequestSummary.of(request), attempt, wait, "status " + response.status());
      sleeper.sleep(wait);
    }
  }

  /** {@code e} as the typed failure of {@code request}; an interrupt is passed through. */
  private static IOException failure(Request request, IOException e) {
    if (e instanceof TransportException
        || (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException))) {
      return e;
    }
    return TransportException.noAnswer(request, e, request.replayable());
  }

  /**
   * Returns {@code null} (after closing it) when the policy retries the response; otherwise the
   * response to give back, with its body intact. The error body is read (a bounded prefix) only
   * when the status alone does not decide and the policy retries some error codes.
   */
  private @Nullable Response peekRetried(Response response) throws IOException {
    int status = response.status();
    if (policy.retries(status, List.of())) {
      response.close();
      return null;
    }
    if (status < 400 || status == 401 || status == 404 || policy.errorCodes().isEmpty()) {
      return response;
    }
    byte[] prefix = response.body().readNBytes((int) Response.SMALL_BODY_LIMIT);
    if (policy.retries(status, ErrorBodyParser.parse(prefix))) {
      response.close();
      return null;
    }
    InputStream rest = new SequenceInputStream(new ByteArrayInputStream(prefix), response.body());
    return response.withBody(rest);
  }
}
