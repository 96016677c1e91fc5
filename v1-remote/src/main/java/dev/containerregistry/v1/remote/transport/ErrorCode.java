package dev.containerregistry.v1.remote.transport;

import java.util.Optional;

/**
 * The error codes a registry puts in its JSON error bodies, from the OCI distribution spec ("Error
 * Codes") and Docker's registry API.
 */
public enum ErrorCode {
  BLOB_UNKNOWN("blob unknown to registry"),
  BLOB_UPLOAD_INVALID("blob upload invalid"),
  BLOB_UPLOAD_UNKNOWN("blob upload unknown to registry"),
  DIGEST_INVALID("provided digest did not match uploaded content"),
  MANIFEST_BLOB_UNKNOWN("manifest references a manifest or blob unknown to registry"),
  MANIFEST_INVALID("manifest invalid"),
  MANIFEST_UNKNOWN("manifest unknown to registry"),
  MANIFEST_UNVERIFIED("manifest failed signature verification"),
  NAME_INVALID("invalid repository name"),
  NAME_UNKNOWN("repository name not known to registry"),
  SIZE_INVALID("provided length did not match content length"),
  TAG_INVALID("manifest tag did not match URI"),
  UNAUTHORIZED("authentication required"),
  DENIED("requested access to the resource is denied"),
  UNSUPPORTED("the operation is unsupported"),
  TOOMANYREQUESTS("too many requests"),
  UNAVAILABLE("the registry is unavailable"),
  UNKNOWN("unknown error");

  private final String meaning;

  ErrorCode(String meaning) {
    this.meaning = meaning;
  }

  /** What the code means, as the spec words it. */
  public String meaning() {
    return meaning;
  }

  /** True for codes that mean "try again later": too many requests, unavailable, unknown. */
  public boolean temporary() {
    return this == TOOMANYREQUESTS || this == UNAVAILABLE || this == UNKNOWN;
  }

  /** The constant named {@code code}, if the registry sent one this SDK knows. */
  public static Optional<ErrorCode> of(String code) {
    for (ErrorCode known : values()) {
      if (known.name().equals(code)) {
        return Optional.of(known);
      }
    }
    return Optional.empty();
  }
}
