package dev.containerregistry.v1.remote.authn;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code docker-credential-<name> get} with the server key on stdin and reads the JSON answer
 * ({@code ServerURL}, {@code Username}, {@code Secret}); a user name of {@code <token>} marks the
 * secret as an identity token. "Not found" is anonymous, any other failure an error.
 */
final class CredentialHelper {

  private static final long TIMEOUT_SECONDS = 60;
  private static final int MAX_OUTPUT = 64 * 1024;
  private static final String TOKEN_USER = "<token>";

  private final String name;
  private final KeychainEnvironment env;

  CredentialHelper(String name, KeychainEnvironment env) {
    this.name = name;
    this.env = env;
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
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(serverKey.getBytes(StandardCharsets.UTF_8));
    }
    byte[] output;
    try (InputStream stdout = process.getInputStream()) {
      output = stdout.readNBytes(MAX_OUTPUT);
    }
    int exit = waitFor(process, program);
    String text = new String(output, StandardCharsets.UTF_8).strip();
    if (exit != 0) {
      if (text.toLowerCase(Locale.ROOT).contains("credentials not found")) {
        return AuthConfig.anonymous();
      }
      throw new IOException(
          program + " get failed for " + serverKey + " (exit " + exit + "): " + firstLine(text));
    }
    return parse(text, program, serverKey);
  }

  private static AuthConfig parse(String text, String program, String serverKey)
      throws IOException {
    JsonNode answer;
    try {
      answer = AuthFile.JSON.readTree(text);
    } catch (IOException e) {
      // The parser's message may quote the secret: it is not passed on.
      throw new IOException(
          program + " get for " + serverKey + " printed something that is not JSON");
    }
    String user = answer == null ? "" : answer.path("Username").asText("");
    String secret = answer == null ? "" : answer.path("Secret").asText("");
    if (TOKEN_USER.equals(user)) {
      return new AuthConfig("", "", "", secret, "");
    }
    return AuthConfig.basic(user, secret);
  }

  /** The first line of a helper's complaint, at most 200 characters. */
  private static String firstLine(String text) {
    String line = text.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  private static int waitFor(Process process, String program) throws IOException {
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(program + " did not answer within " + TIMEOUT_SECONDS + " s");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + program, e);
    }
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
