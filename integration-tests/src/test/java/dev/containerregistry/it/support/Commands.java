package dev.containerregistry.it.support;

import dev.containerregistry.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command line tool (skopeo, openssl, htpasswd) and returns what it printed. */
public final class Commands {
  private Commands() {}

  /** True when {@code tool} is on the PATH. */
  public static boolean available(String tool) {
    return Prerequisites.onPath(tool);
  }

  /**
   * Runs {@code command}, failing with its output when it exits non-zero or runs over 5 min; a tool
   * that is not installed skips the test (fails it under {@code CI=true}).
   */
  public static String run(List<String> command) throws IOException, InterruptedException {
    Prerequisites.requireTool(command.get(0));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException("timed out: " + String.join(" ", command));
    }
    String text = new String(out, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command) + " exited " + process.exitValue() + ":\n" + text);
    }
    return text;
  }
}
