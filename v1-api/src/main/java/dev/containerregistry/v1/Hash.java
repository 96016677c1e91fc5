package dev.containerregistry.v1;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A content address such as {@code sha256:3b4c...}: the algorithm and the lower-case hex of the
 * digest. Only {@code sha256} is accepted, as the OCI image spec requires of registries.
 *
 * @param algorithm the digest algorithm, always {@code "sha256"}
 * @param hex the 64 lower-case hex characters of the digest
 */
public record Hash(String algorithm, String hex) {

  /** The only algorithm this SDK computes and accepts. */
  public static final String SHA256 = "sha256";

  private static final int SHA256_HEX_LENGTH = 64;

  /** Validates both parts; see {@link #parse(String)} for the rules. */
  public Hash {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(hex, "hex");
    if (!SHA256.equals(algorithm)) {
      throw new IllegalArgumentException(
          "unsupported digest algorithm '"
              + algorithm
              + "' (only sha256): "
              + algorithm
              + ":"
              + hex);
    }
    if (hex.length() != SHA256_HEX_LENGTH || !isLowerHex(hex)) {
      throw new IllegalArgumentException(
          "a sha256 digest needs 64 lower-case hex characters: " + algorithm + ":" + hex);
    }
  }

  /**
   * Parses {@code "sha256:<64 lower-case hex>"}.
   *
   * @throws IllegalArgumentException quoting the input when it is not of that form
   */
  public static Hash parse(String s) {
    Objects.requireNonNull(s, "digest");
    int colon = s.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("a digest has the form 'sha256:<hex>': " + s);
    }
    return new Hash(s.substring(0, colon), s.substring(colon + 1));
  }

  /** The sha256 of {@code bytes}. */
  public static Hash sha256(byte[] bytes) {
    return fromDigest(newSha256().digest(bytes));
  }

  /**
   * Reads {@code in} to its end (without closing it) and returns the sha256 of what was read with
   * the number of bytes.
   */
  public static Sized sha256(InputStream in) throws IOException {
    MessageDigest md = newSha256();
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      md.update(buffer, 0, n);
      total += n;
    }
    return new Sized(fromDigest(md.digest()), total);
  }

  /**
   * Wraps {@code in} so that its bytes pass through unchanged and, the first time its end is
   * reached, {@code atEnd} receives their sha256 and count. Nothing is reported for a stream closed
   * before its end. Closing the wrapper closes {@code in}.
   */
  public static InputStream hashing(InputStream in, Consumer<Sized> atEnd) {
    return new HashingInputStream(
        Objects.requireNonNull(in, "in"), Objects.requireNonNull(atEnd, "atEnd"));
  }

  /** Wraps the 32 bytes a sha256 {@link MessageDigest} produced. */
  public static Hash fromDigest(byte[] sha256Digest) {
    return new Hash(SHA256, HexFormat.of().formatHex(sha256Digest));
  }

  /** A new sha256 {@link MessageDigest}; every JDK has one. */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  /** {@code algorithm:hex}, the form used on the wire. */
  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }

  private static boolean isLowerHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A hash with the length of the content it was computed over.
   *
   * @param hash the sha256 of the content
   * @param size the number of bytes hashed
   */
  public record Sized(Hash hash, long size) {}
}
