package dev.containerregistry.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The optional {@code -t/--tag TARGET} of the commands that write their result to REF itself. */
final class TargetOption {

  @Option(
      names = {"-t", "--tag"},
      paramLabel = "TARGET",
      description = "Where to put the result: HOST/REPO:TAG (default: REF itself).")
  @Nullable String target;
}
