package dev.containerregistry.v1.remote.transport;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A failure talking to a registry or its token server: every error of a push or a pull that is not
 * an interrupt ({@link java.io.InterruptedIOException}) or a bad argument is one. It carries the
 * {@linkplain #registry() registry}, the {@linkplain #repository() repository}, the {@linkplain
 * #step() step}, and, when the registry answered, the method, the URL (without user info or query),
 * the {@linkplain #status() status} and the registry's {@linkplain #errors() error codes}; a
 * failure without an answer (refused connection, unknown host, dropped connection, read timeout)
 * has status 0 and the I/O error as its cause. Callers check types, steps and codes with {@link
 * #hasCode(ErrorCode)}, never messages.
 *
 * <p>Documented subtypes: {@link NotFoundException} (status 404), and in {@code
 * dev.containerregistry.v1.remote} {@code VerificationException} (content not what its digest
 * promised) and {@code PlatformNotFoundException} (an index without the platform asked for).
 */
public class TransportException extends IOException {

  private static final long serialVersionUID = 1L;
  private static final int MAX_QUOTED_BODY = 512;

  /** What the client was doing when it failed. */
  public enum Step {
    /** {@code GET /v2/}: learning how the registry authenticates. */
    PING,
    /** Asking the token server for a bearer token. */
    TOKEN,
    /** {@code HEAD} of a manifest. */
    CHECK_MANIFEST,
    /** {@code GET} of a manifest. */
    GET_MANIFEST,
    /** {@code PUT} of a manifest. */
    PUT_MANIFEST,
    /** {@code DELETE} of a manifest. */
    DELETE_MANIFEST,
    /** {@code HEAD} of a blob: does the repository have it. */
    CHECK_BLOB,
    /** {@code GET} of a blob. */
    GET_BLOB,
    /** {@code POST ?mount=}: mounting a blob from another repository. */
    MOUNT_BLOB,
    /** {@code POST}: opening an upload session. */
    START_UPLOAD,
    /** {@code PATCH}: sending a blob's data. */
    SEND_DATA,
    /** {@code GET} of an upload session: how much the registry holds. */
    UPLOAD_STATUS,
    /** {@code PUT ?digest=}: committing an upload. */
    COMMIT_UPLOAD,
    /** Reading a blob's digest after sending its data. */
    READ_DIGEST,
    /** {@code GET /v2/<name>/tags/list}. */
    LIST_TAGS,
    /** {@code GET /v2/_catalog}. */
    CATALOG,
    /** Checking content read against its digest or size. */
    VERIFY,
    /** Choosing an index's image for a platform. */
    SELECT_PLATFORM,
    /** A request this list does not name. */
    OTHER;

    /** The step a request to {@code uri} with {@code method} belongs to, from its path. */
    static Step of(String method, URI uri) {
      String path = uri.getPath() == null ? "" : uri.getPath();
      String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
      if (path.equals("/v2/") || path.equals("/v2")) {
        return PING;
      }
      if (path.endsWith("/_catalog")) {
        return CATALOG;
      }
      if (path.endsWith("/tags/list")) {
        return LIST_TAGS;
      }
      if (path.contains("/manifests/")) {
        return switch (method) {
          case "HEAD" -> CHECK_MANIFEST;
          case "PUT" -> PUT_MANIFEST;
          case "DELETE" -> DELETE_MANIFEST;
          default -> GET_MANIFEST;
        };
      }
      if (path.contains("/blobs/uploads")) {
        return switch (method) {
          case "POST" -> query.contains("mount=") ? MOUNT_BLOB : START_UPLOAD;
          case "PATCH" -> SEND_DATA;
          case "PUT" -> COMMIT_UPLOAD;
          default -> UPLOAD_STATUS;
        };
      }
      if (path.contains("/blobs/")) {
        return method.equals("HEAD") ? CHECK_BLOB : GET_BLOB;
      }
      return OTHER;
    }
  }

  private final String method;
  private final String url;
  private final int status;
  private final transient List<RegistryError> errors;
  private final @Nullable String retryAfter;
  private final boolean attemptsSpent;
  private String registry;
  private String repository;
  private Step step;
  private @Nullable String doing;

  /**
   * @param method the HTTP method sent
   * @param url the redacted URL
   * @param status the status received
   * @param errors the parsed registry errors, possibly empty
   * @param body the body text to quote when no errors were parsed, possibly empty
   */
  public TransportException(
      String method, String url, int status, List<RegistryError> errors, String body) {
    this(describe(method, url, status, errors, body), method, url, status, errors, null, false);
  }

  /**
   * A failure found by the client rather than answered by the registry (for subtypes such as a
   * verification failure).
   *
   * @param message what failed and why
   * @param step what was being done
   * @param registry the registry's host and port, or empty when unknown
   * @param repository the repository, or empty when unknown
   */
  protected TransportException(String message, Step step, String registry, String repository) {
    this(message, "", "", 0, List.of(), null, false);
    this.step = Objects.requireNonNull(step, "step");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.repository = Objects.requireNonNull(repository, "repository");
  }

  private TransportException(
      String message,
      String method,
      String url,
      int status,
      List<RegistryError> errors,
      @Nullable String retryAfter,
      boolean attemptsSpent) {
    super(message);
    this.method = Objects.requireNonNull(method, "method");
    this.url = Objects.requireNonNull(url, "url");
    this.status = status;
    this.errors = List.copyOf(errors);
    this.retryAfter = retryAfter;
    this.attemptsSpent = attemptsSpent;
    URI parsed = parse(url);
    this.registry = parsed == null || parsed.getRawAuthority() == null ? "" : parsed.getAuthority();
    this.repository = parsed == null ? "" : repositoryOf(parsed.getPath());
    this.step = parsed == null ? Step.OTHER : Step.of(method, parsed);
  }

  private static @Nullable URI parse(String url) {
    try {
      return url.isEmpty() ? null : URI.create(url);
    } catch (IllegalArgumentException unparsable) {
      return null;
    }
  }

  /** The {@code <name>} of a {@code /v2/<name>/(manifests|blobs|tags)/...} path, else empty. */
  private static String repositoryOf(@Nullable String path) {
    if (path == null || !path.startsWith("/v2/")) {
      return "";
    }
    for (String kind : List.of("/manifests/", "/blobs/", "/tags/")) {
      int at = path.indexOf(kind);
      if (at > "/v2/".length()) {
        return path.substring("/v2/".length(), at);
      }
    }
    return "";
  }

  /**
   * The failure of {@code request}, which got no answer: status 0, {@code cause} the I/O error.
   *
   * @param attemptsSpent true when a retry layer already gave the request every attempt its policy
   *     allows, so that no outer layer tries again
   */
  public static TransportException noAnswer(
      Request request, IOException cause, boolean attemptsSpent) {
    TransportException failure =
        new TransportException(
            request + ": " + cause.getMessage(),
            request.method(),
            Redaction.redact(request.uri()),
            0,
            List.of(),
            null,
            attemptsSpent);
    failure.initCause(cause);
    return failure;
  }

  /**
   * A failure of the client's own while doing {@code step} for the push or pull of {@code
   * repository} (reading a layer's data, a digest not yet computed), {@code cause} the error.
   */
  public static TransportException failed(
      String message, Step step, String registry, String repository, Throwable cause) {
    TransportException failure = new TransportException(message, step, registry, repository);
    failure.initCause(cause);
    return failure;
  }

  /**
   * The same failure with what was being done put in front of its message ({@code "fetching a token
   * for …: GET …: status 401: …"}); still a {@code TransportException} (a {@link NotFoundException}
   * for a 404), so callers and the retry logic keep seeing its status and codes.
   */
  public TransportException whileDoing(String doing) {
    TransportException described =
        status == 404
            ? new NotFoundException(doing + ": " + getMessage(), method, url, errors)
            : new TransportException(
                doing + ": " + getMessage(),
                method,
                url,
                status,
                errors,
                retryAfter,
                attemptsSpent);
    described.registry = registry;
    described.repository = repository;
    described.step = step;
    described.initCause(this);
    return described;
  }

  /** Constructor for {@link NotFoundException}. */
  TransportException(String message, String method, String url, List<RegistryError> errors) {
    this(message, method, url, 404, errors, null, true);
  }

  /**
   * Records where this failure happened, keeping its type: the step (unless it is already {@link
   * Step#TOKEN} or {@link Step#PING}, which say more), the registry and repository when not yet
   * known, and {@code description} in front of the message (once). Returns this exception.
   */
  public synchronized TransportException during(
      Step where, String registryName, String repositoryName, String description) {
    if (step != Step.TOKEN && step != Step.PING) {
      step = where;
    }
    if (registry.isEmpty()) {
      registry = registryName;
    }
    if (repository.isEmpty()) {
      repository = repositoryName;
    }
    if (doing == null) {
      doing = description;
    }
    return this;
  }

  /** Marks this as the failure of a token request for {@code registryName}; returns it. */
  synchronized TransportException fetchingToken(String registryName) {
    step = Step.TOKEN;
    registry = registryName;
    return this;
  }

  @Override
  public synchronized @Nullable String getMessage() {
    String message = super.getMessage();
    return doing == null ? message : doing + ": " + message;
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
   * describes it: a {@link NotFoundException} for a 404. The response is closed. When the request
   * could be sent again, the transport's retries were already spent on it.
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
      String url = Redaction.redact(request.uri());
      String message = describe(request.method(), url, response.status(), errors, text);
      if (response.status() == 404) {
        return new NotFoundException(message, request.method(), url, errors);
      }
      return new TransportException(
          message,
          request.method(),
          url,
          response.status(),
          errors,
          response.header("Retry-After").orElse(null),
          request.replayable());
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

  /** The HTTP method of the failed request; empty when the failure was not a request's. */
  public String method() {
    return method;
  }

  /** The URL of the failed request, without user info or query; empty when there was none. */
  public String url() {
    return url;
  }

  /** The HTTP status code received; 0 when no answer came. */
  public int status() {
    return status;
  }

  /** True when the registry (or token server) answered with a status. */
  public boolean answered() {
    return status > 0;
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

  /** The registry's {@code host[:port]}; empty when unknown. */
  public synchronized String registry() {
    return registry;
  }

  /** The repository, such as {@code library/alpine}; empty for a registry-wide request. */
  public synchronized String repository() {
    return repository;
  }

  /** What the client was doing. */
  public synchronized Step step() {
    return step;
  }

  /**
   * True when a retry layer already gave this request all the attempts its {@link RetryPolicy}
   * allows; no other layer tries it again.
   */
  public boolean attemptsSpent() {
    return attemptsSpent;
  }

  /** The {@code Retry-After} header of the answer, if it had one. */
  Optional<String> retryAfter() {
    return Optional.ofNullable(retryAfter);
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
