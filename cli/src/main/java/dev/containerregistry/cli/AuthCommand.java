package dev.containerregistry.cli;

import picocli.CommandLine.Command;

/** {@code crs auth ...}: credentials in the Docker config. */
@Command(
    name = "auth",
    mixinStandardHelpOptions = true,
    description =
        "Manage credentials in the Docker config ($DOCKER_CONFIG/config.json or"
            + " ~/.docker/config.json), the first place crs and the SDK look.",
    subcommands = {AuthLoginCommand.class, AuthLogoutCommand.class, AuthGetCommand.class})
final class AuthCommand {}
