package dev.containerregistry.testing;

/** How a {@link RegistryContainer} asks clients to authenticate. */
public enum Auth {
  /** Anyone may pull and push. */
  NONE,
  /**
   * Basic auth against an htpasswd file of bcrypt entries generated in Java; every user may pull
   * and push (registry:2 has no per-user rights in this mode).
   */
  BASIC,
  /**
   * Token auth: a token server in the test JVM checks the users' passwords and issues RS256 JWTs
   * holding only the actions each user is granted, so pull-only users cannot push.
   */
  TOKEN
}
