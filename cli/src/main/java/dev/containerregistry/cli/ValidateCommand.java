package dev.containerregistry.cli;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.validate.Validate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crs validate --remote REF}: reads everything and checks it. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Read every blob of an image or index (each child of an index) and check digests, sizes,"
            + " DiffIDs and the manifest against the config. Prints PASS and the reference, or"
            + " fails with status 1 listing the problems.")
final class ValidateCommand extends CrsCommand {

  @Option(
      names = "--remote",
      required = true,
      paramLabel = "REF",
      description = "The image or index in a registry.")
  String remoteRef = "";

  @Override
  void run() throws Exception {
    Reference ref = reference(remoteRef);
    if (Remote.get(ref, remote()).mediaType().isIndex()) {
      Validate.index(Remote.index(ref, remote()));
    } else {
      Validate.image(Remote.image(ref, remote()));
    }
    out().println("PASS: " + ref.name());
  }
}
