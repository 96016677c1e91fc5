package dev.containerregistry.cli;

import dev.containerregistry.v1.remote.authn.AuthConfig;
import dev.containerregistry.v1.remote.authn.Keychain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code crs auth get [REGISTRY]}: what a credential helper would answer. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description =
        "Print the credentials the SDK would use for REGISTRY (read from stdin when not given,"
            + " as a credential helper is asked) as a credential helper prints them:"
            + " {\"Username\":...,\"Secret\":...}. Anonymous access prints empty fields.")
final class AuthGetCommand extends CrsCommand {

  @Parameters(arity = "0..1", paramLabel = "REGISTRY", description = "The registry host.")
  @Nullable String registry;

  @Override
  void run() throws Exception {
    String host = registry != null ? registry : stdinLine();
    AuthConfig auth = Keychain.defaultKeychain().resolve(registry(host)).authorization().decoded();
    boolean token = !auth.identityToken().isEmpty();
    String user = token ? "<token>" : auth.username();
    String secret = token ? auth.identityToken() : auth.password();
    out().println("{\"Username\":" + json(user) + ",\"Secret\":" + json(secret) + "}");
  }

  private static String stdinLine() throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = reader.readLine();
    return line == null ? "" : line.strip();
  }

  private static String json(String value) {
    StringBuilder text = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        default -> {
          if (c < 0x20) {
            text.append(String.format("\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    return text.append('"').toString();
  }
}
