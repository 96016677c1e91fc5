package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.time.Duration;

/**
 * Observes the HTTP requests of the registry client, for metrics or logs without wrapping the
 * transport: every request sent (pings, token requests and each retry included), its answer or its
 * failure, and each retry with its reason. Every method does nothing by default; override the ones
 * you need.
 *
 * <p>For each request sent, {@link #requestStarted} comes first, then exactly one of {@link
 * #responseReceived} or {@link #requestFailed}; when it is to be sent again, {@link #retrying}
 * follows, then the next attempt's {@link #requestStarted}. Methods are called on the threads doing
 * the work, possibly several at once: implementations are thread-safe and quick, and must not throw
 * (what they throw is passed to the caller of the operation).
 */
public interface TransportListener {

  /** A listener that ignores everything. */
  TransportListener NONE = new TransportListener() {};

  /** {@code request} is about to be sent. */
  default void requestStarted(RequestSummary request) {}

  /**
   * The answer's status line and headers arrived, {@code elapsed} after the request started; its
   * body may still be streaming.
   */
  default void responseReceived(RequestSummary request, int status, Duration elapsed) {}

  /** No answer came: {@code failure} (refused, reset, timed out, …), after {@code elapsed}. */
  default void requestFailed(RequestSummary request, IOException failure, Duration elapsed) {}

  /**
   * The retry policy sends {@code request} again in {@code delay}: attempt {@code attempt} failed
   * for {@code reason} (such as {@code status 503} or {@code SocketTimeoutException: Read timed
   * out}).
   */
  default void retrying(RequestSummary request, int attempt, Duration delay, String reason) {}

  /**
   * The {@code reason} text of a retry after {@code failure}, as every retry layer reports it:
   * {@code status N} when the registry answered, else the simple class name and message of the I/O
   * error behind the failure, such as {@code ConnectException: Connection refused}.
   */
  static String reason(Throwable failure) {
    if (failure instanceof TransportException te) {
      if (te.answered()) {
        return "status " + te.status();
      }
      Throwable cause = te.getCause();
      if (cause != null) {
        return reason(cause);
      }
    }
    String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
