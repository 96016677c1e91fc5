package dev.containerregistry.cli;

import picocli.CommandLine.Option;

/** The required {@code -t/--tag TARGET} of the commands that build something new and push it. */
final class RequiredTargetOption {

  @Option(
      names = {"-t", "--tag", "--new-tag"},
      required = true,
      paramLabel = "TARGET",
      description = "Where to push the result: HOST/REPO:TAG.")
  String target = "";
}
