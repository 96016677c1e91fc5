package dev.containerregistry.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code crs} command: global options and the list of subcommands. */
@Command(
    name = "crs",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Look at, change and move container images in registries.",
    footerHeading = "%nExit status:%n",
    footer = {
      "  0  success",
      "  1  a registry or I/O failure (also a PATH that is missing, or not a layout",
      "     or tarball): one line on stderr says what failed, on which reference,",
      "     and the registry's error code (stack trace with -v)",
      "  2  a usage error (unknown option, malformed reference or platform)",
      "",
      "Credentials come from the Docker config ($DOCKER_CONFIG/config.json or",
      "~/.docker/config.json, its credential helpers), then Podman's auth.json."
    },
    subcommands = {
      DigestCommand.class,
      ManifestCommand.class,
      ConfigCommand.class,
      LsCommand.class,
      CatalogCommand.class,
      BlobCommand.class,
      ValidateCommand.class,
      AppendCommand.class,
      MutateCommand.class,
      FlattenCommand.class,
      RebaseCommand.class,
      TagCommand.class,
      DeleteCommand.class,
      IndexCommand.class,
      CopyCommand.class,
      PullCommand.class,
      PushCommand.class,
      ExportCommand.class,
      LoadCommand.class,
      AuthCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Crs {

  @Mixin final GlobalOptions globals = new GlobalOptions();

  private Crs() {}

  /** Runs {@code crs} with {@code args} and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs {@code crs} with {@code args} and returns its exit status (0, 1 or 2). */
  static int run(String... args) {
    Logging.quietByDefault();
    Crs crs = new Crs();
    CommandLine line = new CommandLine(crs);
    Failures failures = new Failures(crs.globals);
    line.setExecutionExceptionHandler(failures);
    line.setParameterExceptionHandler(failures);
    line.setExitCodeExceptionMapper(failures);
    return line.execute(args);
  }
}
