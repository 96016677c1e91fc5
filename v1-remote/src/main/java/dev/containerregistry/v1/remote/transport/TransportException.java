package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A registry answered with an error status. Carries the method, the URL (without user info or
 * query), the status and the registry's error codes and messages; callers check codes with {@link
 * #hasCode(ErrorCode)} rather than by reading the message.
 */
public final class TransportException extends IOException {

  private static final long serialVersionUID = 1L;
  private static final int MAX_QUOTED_BODY = 512;

  private final String method;
  private final String url;
  private final int status;
  private final transient List<RegistryError> errors;

  /**
   * @param method the HTTP method sent
   * @param url the redacted URL
   * @param status the status received
   * @param errors the parsed registry errors, possibly empty
   * @param body the body text to quote when no errors were parsed, possibly empty
   */
  public TransportException(
      String method, String url, int status, List<RegistryError> errors, String body) {
    this(describe(method, url, status, errors, body), method, url, status, errors);
  }

  private TransportException(
      String message, String method, String url, int status, List<RegistryError> errors) {
    super(message);
    this.method = Objects.requireNonNull(method, "method");
    this.url = Objects.requireNonNull(url, "url");
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  /**
   * The same failure with what was being done put in front of its message ({@code "fetching a token
   * for …: GET …: status 401: …"}); still a {@code TransportException}, so callers and the retry
   * logic keep seeing its status and codes.
   */
  public TransportException whileDoing(String doing) {
    TransportException described =
        new TransportException(doing + ": " + getMessage(), method, url, status, errors);
    described.initCause(this);
    return described;
  }

  /**
   * Passes {@code response} through when its status is one of {@code expected} (any 2xx when none
   * is given); otherwise reads its error body, closes it and throws the failure with the registry's
   * error codes. The one status check of every request the client makes.
   *
   * @throws TransportException when the status is not expected
   */
  public static Response check(Response response, int... expected) throws IOException {
    if (expected.length == 0 ? response.successful() : contains(expected, response.status())) {
      return response;
    }
    throw of(response);
  }

  private static boolean contains(int[] statuses, int status) {
    for (int s : statuses) {
      if (s == status) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads the error body of {@code response} (at most {@link Response#SMALL_BODY_LIMIT} bytes) and
   * describes it. The response is closed.
   */
  public static TransportException of(Response response) throws IOException {
    try (response) {
      byte[] body;
      try {
        body = response.bytes(Response.SMALL_BODY_LIMIT);
      } catch (IOException unreadable) {
        body = new byte[0];
      }
      Request request = response.request();
      String text = new String(body, StandardCharsets.UTF_8);
      List<RegistryError> errors = ErrorBodyParser.parse(body);
      if (errors.isEmpty() && text.isBlank()) {
        errors = inferred(response.status());
      }
      return new TransportException(
          request.method(), Redaction.redact(request.uri()), response.status(), errors, text);
    }
  }

  /**
   * The code a status implies when there is no body to say it (the answer to a {@code HEAD}, for
   * one): 401 unauthorized, 403 denied, 429 too many requests.
   */
  private static List<RegistryError> inferred(int status) {
    ErrorCode code =
        switch (status) {
          case 401 -> ErrorCode.UNAUTHORIZED;
          case 403 -> ErrorCode.DENIED;
          case 429 -> ErrorCode.TOOMANYREQUESTS;
          default -> null;
        };
    return code == null
        ? List.of()
        : List.of(
            new RegistryError(
                code.name(), code.meaning() + " (no error body; inferred from the status)", ""));
  }

  /** The HTTP method of the failed request. */
  public String method() {
    return method;
  }

  /** The URL of the failed request, without user info or query. */
  public String url() {
    return url;
  }

  /** The HTTP status code received. */
  public int status() {
    return status;
  }

  /** The registry's errors, in the order sent; empty when the body had none. */
  public List<RegistryError> errors() {
    return errors;
  }

  /** True when the registry sent {@code code} among its errors. */
  public boolean hasCode(ErrorCode code) {
    return errors.stream().anyMatch(e -> e.code().equals(code.name()));
  }

  /** True when every error code received means "try again", and there is at least one. */
  public boolean temporary() {
    return ErrorBodyParser.allTemporary(errors);
  }

  private static String describe(
      String method, String url, int status, List<RegistryError> errors, String body) {
    StringBuilder text = new StringBuilder();
    text.append(method).append(' ').append(url).append(": status ").append(status);
    if (!errors.isEmpty()) {
      text.append(": ");
      for (int i = 0; i < errors.size(); i++) {
        text.append(i == 0 ? "" : "; ").append(errors.get(i));
      }
    } else if (!body.isBlank()) {
      String trimmed = body.strip();
      text.append(": ")
          .append(
              trimmed.length() > MAX_QUOTED_BODY
                  ? trimmed.substring(0, MAX_QUOTED_BODY) + "…"
                  : trimmed);
    }
    return text.toString();
  }
}
