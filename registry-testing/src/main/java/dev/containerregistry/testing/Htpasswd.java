package dev.containerregistry.testing;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Collection;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** htpasswd files of bcrypt entries, as registry:2's basic auth reads them. */
final class Htpasswd {
  /** The cost htpasswd uses by default: cheap enough for tests, accepted by registry:2. */
  static final int COST = 5;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Htpasswd() {}

  /** {@code user:$2y$05$...}: one line without its newline. */
  static String entry(String user, String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return user
        + ":"
        + OpenBSDBCrypt.generate("2y", password.getBytes(StandardCharsets.UTF_8), salt, COST);
  }

  /** One entry per user, each line ending in a newline. */
  static String file(Collection<RegistryUser> users) {
    StringBuilder out = new StringBuilder();
    for (RegistryUser user : users) {
      out.append(entry(user.name(), user.password())).append('\n');
    }
    return out.toString();
  }
}
