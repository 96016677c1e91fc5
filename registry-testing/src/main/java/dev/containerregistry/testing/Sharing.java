package dev.containerregistry.testing;

/** How long a {@link RegistryTest} registry lives, and so which test classes share it. */
public enum Sharing {
  /** One registry per configuration for the whole test run, shared by every class using it. */
  PER_RUN,
  /** A registry of the class's own, stopped when the class's tests are done. */
  PER_CLASS
}
