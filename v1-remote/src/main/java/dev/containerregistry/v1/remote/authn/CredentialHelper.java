package dev.containerregistry.v1.remote.authn;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@code docker-credential-<name> get} with the server key on stdin and reads the JSON answer
 * ({@code ServerURL}, {@code Username}, {@code Secret}); a user name of {@code <token>} marks the
 * secret as an identity token. "Not found" is anonymous, any other failure an error.
 */
final class CredentialHelper {

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  private static final int MAX_OUTPUT = 64 * 1024;
  private static final String TOKEN_USER = "<token>";

  private final String name;
  private final KeychainEnvironment env;
  private final Duration timeout;

  CredentialHelper(String name, KeychainEnvironment env, Duration timeout) {
    this.name = name;
    this.env = env;
    this.timeout = timeout;
  }

  AuthConfig get(String serverKey) throws IOException {
    String program = "docker-credential-" + name;
    Path executable =
        find(program)
            .orElseThrow(
                () ->
                    new IOException(
                        "credential helper "
                            + program
                            + " for "
                            + serverKey
                            + " is not on the PATH"));
    ProcessBuilder builder = new ProcessBuilder(executable.toString(), "get");
    builder.environment().clear();
    builder.environment().putAll(env.variables());
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    try {
      byte[] output = run(process, serverKey, program);
      int exit = process.exitValue();
      String text = new String(output, StandardCharsets.UTF_8).strip();
      if (exit != 0) {
        if (text.toLowerCase(Locale.ROOT).contains("credentials not found")) {
          return AuthConfig.anonymous();
        }
        // What a failing helper printed may hold the secret: it is not quoted.
        throw new IOException(program + " get failed for " + serverKey + " (exit " + exit + ")");
      }
      return parse(text, program, serverKey);
    } finally {
      kill(process);
    }
  }

  /**
   * Writes the key, then reads at most {@link #MAX_OUTPUT} bytes of stdout on another thread while
   * this one waits, so that a helper that hangs, or leaves a child holding stdout open, is killed
   * when the timeout passes instead of blocking the read forever.
   */
  private byte[] run(Process process, String serverKey, String program) throws IOException {
    CompletableFuture<byte[]> output = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (InputStream stdout = process.getInputStream()) {
                output.complete(stdout.readNBytes(MAX_OUTPUT));
              } catch (IOException e) {
                output.completeExceptionally(e);
              }
            },
            program + "-stdout");
    reader.setDaemon(true);
    reader.start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(serverKey.getBytes(StandardCharsets.UTF_8));
    } catch (IOException closedEarly) {
      // The helper did not read its input; its answer (or exit status) still says what happened.
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      byte[] bytes = output.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      long left = Math.max(0, deadline - System.nanoTime());
      if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
        throw timedOut(program);
      }
      return bytes;
    } catch (TimeoutException e) {
      throw timedOut(program);
    } catch (ExecutionException e) {
      throw new IOException("reading the answer of " + program, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + program, e);
    }
  }

  private IOException timedOut(String program) {
    return new IOException(
        program + " did not answer within " + timeout.toMillis() + " ms and was killed");
  }

  /** Ends the helper and anything it started (a child may hold its stdout open). */
  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static AuthConfig parse(String text, String program, String serverKey)
      throws IOException {
    JsonNode answer;
    try {
      answer = SecretJson.JSON.readTree(text);
    } catch (IOException e) {
      // The parser's message may quote the secret: it is not passed on.
      throw new IOException(
          program + " get for " + serverKey + " printed something that is not JSON");
    }
    if (answer == null || !answer.isObject()) {
      // An answer of exit 0 is a JSON object; nothing at all is no answer, not anonymous access.
      throw new IOException(
          program + " get for " + serverKey + " exited 0 without printing a JSON object");
    }
    String user = answer.path("Username").asText("");
    String secret = answer.path("Secret").asText("");
    if (TOKEN_USER.equals(user)) {
      return new AuthConfig("", "", "", secret, "");
    }
    return AuthConfig.basic(user, secret);
  }

  private Optional<Path> find(String program) {
    List<Path> candidates = new ArrayList<>();
    for (String dir : env.get("PATH").orElse("").split(File.pathSeparator, -1)) {
      if (!dir.isBlank()) {
        candidates.add(Path.of(dir, program));
      }
    }
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }
}
