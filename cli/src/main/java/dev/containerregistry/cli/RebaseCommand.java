package dev.containerregistry.cli;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.remote.Remote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crs rebase REF --old-base OLD --new-base NEW}: moves an image onto another base. */
@Command(
    name = "rebase",
    mixinStandardHelpOptions = true,
    description =
        "Replace the layers of OLD at the bottom of the image REF by those of NEW, keeping the"
            + " image's own layers, history and config; push to TARGET (default: REF itself, when"
            + " it is a tag). Prints HOST/REPO@DIGEST.")
final class RebaseCommand extends ImageCommand {

  @Option(names = "--old-base", required = true, paramLabel = "OLD", description = "Its base now.")
  String oldBase = "";

  @Option(names = "--new-base", required = true, paramLabel = "NEW", description = "The new base.")
  String newBase = "";

  @Override
  void run(Reference source, Reference destination, Image image) throws Exception {
    push(
        destination,
        Mutate.rebase(
            image,
            Remote.image(reference(oldBase), reading()),
            Remote.image(reference(newBase), reading())));
  }
}
