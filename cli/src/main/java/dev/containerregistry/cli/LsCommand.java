package dev.containerregistry.cli;

import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.remote.Remote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crs ls REPO}: the tags of a repository. */
@Command(
    name = "ls",
    mixinStandardHelpOptions = true,
    description = "Print the tags of REPO, one a line, in the registry's order.")
final class LsCommand extends CrsCommand {

  @Parameters(paramLabel = "REPO", description = "A repository: HOST/NAME.")
  String repo = "";

  @Option(names = "--full-ref", description = "Print HOST/NAME:TAG instead of the tag alone.")
  boolean fullRef;

  @Override
  void run() throws Exception {
    Repository repository = repository(repo);
    for (String tag : Remote.list(repository, remote())) {
      out().println(fullRef ? repository.tag(tag).name() : tag);
    }
  }
}
