package dev.containerregistry.testing;

import java.util.Objects;
import java.util.Set;

/**
 * A user of a registry with auth: name, password and the repository actions ({@code pull}, {@code
 * push}, {@code delete}, or {@code *} for all) that token auth grants it on every repository.
 *
 * @param name the user name, without {@code :}
 * @param password the password
 * @param actions what token auth grants; basic auth lets every user do everything
 */
public record RegistryUser(String name, String password, Set<String> actions) {

  /** Checks the values and copies the actions. */
  public RegistryUser {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(password, "password");
    if (name.isEmpty() || name.contains(":")) {
      throw new IllegalArgumentException("a user name must be non-empty without ':': " + name);
    }
    actions = Set.copyOf(actions);
  }

  /** A user who may pull, push and delete. */
  public static RegistryUser pusher(String name, String password) {
    return new RegistryUser(name, password, Set.of("pull", "push", "delete"));
  }

  /** A user who may only pull. */
  public static RegistryUser puller(String name, String password) {
    return new RegistryUser(name, password, Set.of("pull"));
  }

  /** True when token auth grants {@code action} to this user. */
  public boolean may(String action) {
    return actions.contains("*") || actions.contains(action);
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "RegistryUser[" + name + " " + actions + "]";
  }
}
