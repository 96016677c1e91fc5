package dev.containerregistry.cli;

import dev.containerregistry.v1.remote.Remote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code crs catalog REGISTRY}: the repositories of a registry. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description =
        "Print the repositories of REGISTRY, one a line (many registries allow this only to"
            + " administrators).")
final class CatalogCommand extends CrsCommand {

  @Parameters(paramLabel = "REGISTRY", description = "A registry host, such as localhost:5000.")
  String registry = "";

  @Override
  void run() throws Exception {
    for (String repo : Remote.catalog(registry(registry), remote())) {
      out().println(repo);
    }
  }
}
