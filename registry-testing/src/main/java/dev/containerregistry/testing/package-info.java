/**
 * A real {@code registry:2} for tests: {@link dev.containerregistry.testing.RegistryContainer} (a
 * Testcontainers container with basic or token auth, TLS, a fault proxy and seeding), the JUnit 5
 * annotation {@link dev.containerregistry.testing.RegistryTest} that hands each test a {@link
 * dev.containerregistry.testing.TestRegistry} of its own repository prefix, and {@link
 * dev.containerregistry.testing.RegistryAssertions} whose failures show what the registry holds.
 */
@NullMarked
package dev.containerregistry.testing;

import org.jspecify.annotations.NullMarked;
