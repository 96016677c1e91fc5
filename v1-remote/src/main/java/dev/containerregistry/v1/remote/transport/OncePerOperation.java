package dev.containerregistry.v1.remote.transport;

import dev.containerregistry.v1.remote.authn.AuthConfig;
import dev.containerregistry.v1.remote.authn.Authenticator;
import java.io.IOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Asks an authenticator once per transport chain (one registry, one operation) and keeps the
 * answer, so a credential helper runs once per push or pull rather than once per request. A failure
 * is not kept: the next request asks again.
 */
final class OncePerOperation implements Authenticator {

  private final Authenticator delegate;
  private @Nullable AuthConfig answer;

  OncePerOperation(Authenticator delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public synchronized AuthConfig authorization() throws IOException {
    AuthConfig known = answer;
    if (known == null) {
      known = delegate.authorization();
      answer = known;
    }
    return known;
  }
}
