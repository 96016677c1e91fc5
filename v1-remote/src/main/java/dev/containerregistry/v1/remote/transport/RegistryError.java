package dev.containerregistry.v1.remote.transport;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a registry's error body: {@code {"errors":[{"code":…,"message":…,"detail":…}]}}.
 *
 * @param code the code as sent, for example {@code MANIFEST_UNKNOWN}
 * @param message the registry's message, possibly empty
 * @param detail the {@code detail} field as compact JSON text, possibly empty
 */
public record RegistryError(String code, String message, String detail) {

  /** Requires all fields; use empty strings for absent ones. */
  public RegistryError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(detail, "detail");
  }

  /** The known constant for {@link #code()}, if any. */
  public Optional<ErrorCode> knownCode() {
    return ErrorCode.of(code);
  }

  /** {@code CODE: message}, with the code's meaning when the registry sent no message. */
  @Override
  public String toString() {
    String text = message.isEmpty() ? knownCode().map(ErrorCode::meaning).orElse("") : message;
    String withDetail = detail.isEmpty() ? text : text + " (detail: " + detail + ")";
    return withDetail.isEmpty() ? code : code + ": " + withDetail;
  }
}
