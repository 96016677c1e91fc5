package dev.containerregistry.v1.remote.authn;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Credentials for one registry, in the shape of an entry of Docker's {@code config.json}. Empty
 * strings stand for absent fields. {@link #toString()} never shows a secret.
 *
 * @param username the user name, for basic auth or a token exchange
 * @param password the password
 * @param auth base64 of {@code username:password}, as Docker stores it
 * @param identityToken an OAuth2 refresh token, exchanged with a POST to the token realm
 * @param registryToken a bearer token sent to the registry as is
 */
public record AuthConfig(
    String username, String password, String auth, String identityToken, String registryToken) {

  private static final AuthConfig ANONYMOUS = new AuthConfig("", "", "", "", "");

  /** Replaces {@code null} fields with empty strings. */
  public AuthConfig {
    username = Objects.requireNonNullElse(username, "");
    password = Objects.requireNonNullElse(password, "");
    auth = Objects.requireNonNullElse(auth, "");
    identityToken = Objects.requireNonNullElse(identityToken, "");
    registryToken = Objects.requireNonNullElse(registryToken, "");
  }

  /** No credentials at all. */
  public static AuthConfig anonymous() {
    return ANONYMOUS;
  }

  /** A user name and password. */
  public static AuthConfig basic(String username, String password) {
    return new AuthConfig(username, password, "", "", "");
  }

  /** A bearer token sent to the registry as is. */
  public static AuthConfig bearer(String registryToken) {
    return new AuthConfig("", "", "", "", registryToken);
  }

  /** True when no field is set. */
  public boolean isAnonymous() {
    return username.isEmpty()
        && password.isEmpty()
        && auth.isEmpty()
        && identityToken.isEmpty()
        && registryToken.isEmpty();
  }

  /**
   * The same credentials with {@link #auth()} decoded into user name and password when those are
   * empty.
   *
   * @throws IllegalArgumentException when {@code auth} is not base64 of {@code user:password}
   */
  public AuthConfig decoded() {
    if (auth.isEmpty() || !username.isEmpty()) {
      return this;
    }
    String text;
    try {
      text = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes a character of the secret: it is not passed on.
      throw new IllegalArgumentException("the 'auth' field of a credential is not valid base64");
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "the 'auth' field of a credential does not decode to 'username:password'");
    }
    return new AuthConfig(
        text.substring(0, colon), text.substring(colon + 1), "", identityToken, registryToken);
  }

  /** Which fields are set, never their secret values. */
  @Override
  public String toString() {
    if (isAnonymous()) {
      return "AuthConfig[anonymous]";
    }
    return "AuthConfig[username="
        + username
        + (password.isEmpty() ? "" : ", password=***")
        + (auth.isEmpty() ? "" : ", auth=***")
        + (identityToken.isEmpty() ? "" : ", identityToken=***")
        + (registryToken.isEmpty() ? "" : ", registryToken=***")
        + "]";
  }
}
