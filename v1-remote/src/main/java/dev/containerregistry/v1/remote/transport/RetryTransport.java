package dev.containerregistry.v1.remote.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries requests that failed for a reason that may pass, per a {@link RetryPolicy}. The last
 * failed response is returned as is (or the last exception rethrown) when attempts run out. A
 * request whose body is a one-shot stream is sent once only.
 */
final class RetryTransport implements Transport {

  private static final Logger LOG = LoggerFactory.getLogger(RetryTransport.class);
  private static final Set<Integer> RETRIED_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

  private final Transport next;
  private final RetryPolicy policy;
  private final Sleeper sleeper;

  RetryTransport(Transport next, RetryPolicy policy, Sleeper sleeper) {
    this.next = Objects.requireNonNull(next, "next");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  @Override
  public Response send(Request request) throws IOException {
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= policy.maxAttempts() || !request.replayable();
      Response response;
      try {
        response = next.send(request);
      } catch (IOException e) {
        if (last || !retriable(e)) {
          throw e;
        }
        LOG.debug("{}: attempt {} failed ({}), retrying", request, attempt, e.toString());
        sleeper.sleep(policy.delay(attempt));
        continue;
      }
      if (last || response.successful()) {
        return response;
      }
      Response peeked = peekTemporary(response);
      if (peeked != null) {
        return peeked;
      }
      Duration wait = policy.delay(attempt, response);
      LOG.debug(
          "{}: status {} on attempt {}, retrying in {}", request, response.status(), attempt, wait);
      sleeper.sleep(wait);
    }
  }

  /**
   * Returns {@code null} (after closing it) when the response should be retried; otherwise the
   * response to give back, with its body intact.
   */
  private static @Nullable Response peekTemporary(Response response) throws IOException {
    if (RETRIED_STATUSES.contains(response.status())) {
      response.close();
      return null;
    }
    if (response.status() < 400 || response.status() == 401 || response.status() == 404) {
      return response;
    }
    byte[] prefix = response.body().readNBytes((int) Response.SMALL_BODY_LIMIT);
    if (ErrorBodyParser.allTemporary(ErrorBodyParser.parse(prefix))) {
      response.close();
      return null;
    }
    InputStream rest = new SequenceInputStream(new ByteArrayInputStream(prefix), response.body());
    return response.withBody(rest);
  }

  private static boolean retriable(IOException e) {
    return !(e instanceof TransportException
        || e instanceof SSLException
        || e instanceof UnknownHostException
        || e instanceof ConnectException
        || e instanceof NoRouteToHostException
        || e instanceof RefusedException
        || e instanceof ProtocolException);
  }
}
