package dev.containerregistry.it.support;

import org.junit.jupiter.api.Assumptions;

/**
 * What to do when a test needs something the machine lacks (Docker, skopeo, openssl): skip the test
 * with a message on a developer's machine, fail it under {@code CI=true}, where {@code
 * scripts/test} installs everything and a skip would hide a broken set-up.
 */
public final class Prerequisites {
  private Prerequisites() {}

  /** Skips or fails the current test because {@code why}. */
  public static void missing(String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true and " + why);
    }
    Assumptions.abort(why);
  }

  /** Skips or fails the current test unless {@code tool} is on the PATH. */
  public static void requireTool(String tool) {
    if (!Commands.available(tool)) {
      missing("'" + tool + "' is not installed (scripts/test installs it on Debian as root)");
    }
  }
}
