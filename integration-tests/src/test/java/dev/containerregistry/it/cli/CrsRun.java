package dev.containerregistry.it.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.containerregistry.cli.Crs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code crs} as its own JVM process (its {@code main}, this test's class path), so that what
 * is checked is what a shell sees: the exit status and the bytes on stdout and stderr.
 */
final class CrsRun {

  /** What one run left. */
  record Result(int exit, byte[] stdout, String stderr) {
    String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Fails with the run's stderr unless it exited 0. */
    Result ok() {
      assertEquals(0, exit, "crs failed: " + stderr);
      return this;
    }
  }

  private final Map<String, String> env = new HashMap<>();

  /**
   * A run with {@code DOCKER_CONFIG} set to {@code dockerConfig}, so that no real login is used.
   */
  CrsRun(Path dockerConfig) {
    env.put("DOCKER_CONFIG", dockerConfig.toString());
  }

  /** The command line that starts crs with {@code args}. */
  static List<String> commandLine(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Crs.class.getName());
    command.addAll(Arrays.asList(args));
    return command;
  }

  Map<String, String> env() {
    return env;
  }

  Result run(String... args) throws IOException, InterruptedException {
    return run(new byte[0], args);
  }

  Result run(byte[] stdin, String... args) throws IOException, InterruptedException {
    return run(new java.io.ByteArrayInputStream(stdin), args);
  }

  /** Runs crs with {@code stdin} streamed to it; at most 5 minutes. */
  Result run(InputStream stdin, String... args) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(commandLine(args));
    builder.environment().putAll(env);
    Process process = builder.start();
    CompletableFuture<byte[]> out = read(process.getInputStream());
    CompletableFuture<byte[]> err = read(process.getErrorStream());
    try (OutputStream in = process.getOutputStream()) {
      stdin.transferTo(in);
    } catch (IOException closedEarly) {
      // crs stopped reading (it failed); its status and stderr say why.
    }
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException("crs timed out: " + String.join(" ", args));
    }
    return new Result(
        process.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
  }

  private static CompletableFuture<byte[]> read(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }
}
