package dev.containerregistry.cli;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crs rebase REF --old-base OLD --new-base NEW}: moves an image onto another base. */
@Command(
    name = "rebase",
    mixinStandardHelpOptions = true,
    description =
        "Replace the layers of OLD at the bottom of the image REF by those of NEW, keeping the"
            + " image's own layers, history and config; push to TARGET (default: REF itself, when"
            + " it is a tag). Prints HOST/REPO@DIGEST.")
final class RebaseCommand extends CrsCommand {

  @Parameters(paramLabel = "REF", description = "The image to rebase.")
  String ref = "";

  @Option(names = "--old-base", required = true, paramLabel = "OLD", description = "Its base now.")
  String oldBase = "";

  @Option(names = "--new-base", required = true, paramLabel = "NEW", description = "The new base.")
  String newBase = "";

  @Option(
      names = {"-t", "--tag"},
      paramLabel = "TARGET",
      description = "Where to push the result (default: REF).")
  @Nullable String target;

  @Override
  void run() throws Exception {
    Reference source = reference(ref);
    Reference destination = target != null ? reference(target) : source;
    RemoteOptions options = remote();
    push(
        destination,
        Mutate.rebase(
            Remote.image(source, options),
            Remote.image(reference(oldBase), options),
            Remote.image(reference(newBase), options)));
  }
}
