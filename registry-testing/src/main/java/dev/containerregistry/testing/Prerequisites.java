package dev.containerregistry.testing;

import java.io.File;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/**
 * What to do when a test needs something the machine lacks (a Docker engine, a tool on the PATH):
 * skip the test with a one-line reason on a developer's machine, fail it under {@code CI=true},
 * where a skip would hide a broken set-up.
 */
public final class Prerequisites {
  private Prerequisites() {}

  /** Skips the current test because {@code why}, or fails it under {@code CI=true}. */
  public static void missing(String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true and " + why);
    }
    Assumptions.abort(why);
  }

  /** Skips or fails the current test unless a Docker engine answers. */
  public static void requireDocker() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      missing("no Docker engine answers (start one or set DOCKER_HOST): registry:2 needs it");
    }
  }

  /** Skips or fails the current test unless {@code tool} is an executable on the PATH. */
  public static void requireTool(String tool) {
    if (!onPath(tool)) {
      missing("'" + tool + "' is not installed (not found on the PATH)");
    }
  }

  /** True when {@code tool} is an executable on the PATH. */
  public static boolean onPath(String tool) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator, -1)) {
      if (!dir.isEmpty() && new File(dir, tool).canExecute()) {
        return true;
      }
    }
    return false;
  }
}
