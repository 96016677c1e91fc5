package dev.containerregistry.cli;

import dev.containerregistry.v1.Platform;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options every command takes, before or after its name. */
final class GlobalOptions {

  @Option(
      names = "--insecure",
      scope = ScopeType.INHERIT,
      description = "Allow plain HTTP and registries without a valid TLS certificate.")
  boolean insecure;

  @Option(
      names = "--platform",
      scope = ScopeType.INHERIT,
      paramLabel = "OS/ARCH[/VARIANT][:OSVERSION]",
      converter = PlatformConverter.class,
      description =
          "The image to pick from an index (default linux/amd64); for copy, copy only that image;"
              + " for mutate, the platform to set.")
  @Nullable Platform platform;

  boolean verbose;

  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "No progress bar and no messages but errors.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "SDK logs and stack traces on stderr; one line per finished blob.")
  void verbose(boolean value) {
    verbose = value;
    if (value) {
      Logging.verbose();
    }
  }
}
