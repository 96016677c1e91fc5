package dev.containerregistry.cli;

import picocli.CommandLine.Command;

/** {@code crs index ...}: commands on image indexes. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = "Build image indexes.",
    subcommands = {IndexAppendCommand.class})
final class IndexCommand {}
