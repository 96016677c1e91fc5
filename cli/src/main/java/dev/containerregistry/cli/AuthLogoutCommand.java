package dev.containerregistry.cli;

import dev.containerregistry.v1.remote.authn.DockerConfigFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code crs auth logout REGISTRY}. */
@Command(
    name = "logout",
    mixinStandardHelpOptions = true,
    description = "Remove the stored credentials of REGISTRY from the Docker config.")
final class AuthLogoutCommand extends CrsCommand {

  @Parameters(paramLabel = "REGISTRY", description = "The registry host.")
  String registry = "";

  @Override
  void run() throws Exception {
    DockerConfigFile config = DockerConfigFile.standard();
    boolean removed = config.logout(registry(registry));
    say(
        removed
            ? "removed the credentials of " + registry + " from " + config.path()
            : "no credentials for " + registry + " in " + config.path());
  }
}
