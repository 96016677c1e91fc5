package dev.containerregistry.cli;

import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Tag;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code crs tag REF TAG}: another tag in the same repository. */
@Command(
    name = "tag",
    mixinStandardHelpOptions = true,
    description =
        "Put the manifest or index REF points at under TAG in the same repository (no blob is"
            + " sent). Prints HOST/REPO:TAG.")
final class TagCommand extends CrsCommand {

  @Parameters(index = "0", paramLabel = "REF", description = "An image or index.")
  String ref = "";

  @Parameters(index = "1", paramLabel = "TAG", description = "The new tag, such as v1.2.")
  String newTag = "";

  @Override
  void run() throws Exception {
    Reference source = reference(ref);
    Tag destination = tag(source.context().name() + ":" + newTag);
    RemoteOptions options = remote();
    if (Remote.get(source, reading()).mediaType().isIndex()) {
      Remote.tag(destination, Remote.index(source, reading()), options);
    } else {
      Remote.tag(destination, Remote.image(source, reading()), options);
    }
    out().println(destination.name());
  }
}
