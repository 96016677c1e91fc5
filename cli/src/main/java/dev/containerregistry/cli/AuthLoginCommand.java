package dev.containerregistry.cli;

import dev.containerregistry.v1.remote.authn.DockerConfigFile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code crs auth login REGISTRY -u USER --password-stdin}. */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description =
        "Store a user name and password for REGISTRY in the Docker config (refused when a"
            + " credential helper manages that registry).")
final class AuthLoginCommand extends CrsCommand {

  @Parameters(paramLabel = "REGISTRY", description = "The registry host, such as localhost:5000.")
  String registry = "";

  @Option(
      names = {"-u", "--username"},
      required = true,
      paramLabel = "USER",
      description = "The user name.")
  String username = "";

  @Option(
      names = "--password-stdin",
      description = "Read the password from the first line of stdin.")
  boolean passwordStdin;

  @Option(
      names = {"-p", "--password"},
      paramLabel = "PASSWORD",
      description = "The password (visible to other users in the process list: prefer stdin).")
  @Nullable String password;

  @Override
  void run() throws Exception {
    if (passwordStdin == (password != null)) {
      throw new ParameterException(
          spec().commandLine(), "give exactly one of --password-stdin and --password");
    }
    String secret = password != null ? password : firstLineOfStdin();
    DockerConfigFile config = DockerConfigFile.standard();
    config.login(registry(registry), username, secret);
    say("logged in to " + registry + " (credentials stored in " + config.path() + ")");
  }

  private String firstLineOfStdin() throws java.io.IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = reader.readLine();
    if (line == null || line.isEmpty()) {
      throw new ParameterException(
          spec().commandLine(), "--password-stdin: stdin holds no password");
    }
    return line;
  }
}
