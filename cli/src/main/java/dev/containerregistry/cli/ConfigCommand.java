package dev.containerregistry.cli;

import dev.containerregistry.v1.remote.Remote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code crs config REF}: the config blob bytes as stored. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description =
        "Print the config blob of the image REF points at (for an index, of its image for"
            + " --platform), byte for byte as stored (verified against its digest).")
final class ConfigCommand extends CrsCommand {

  @Parameters(paramLabel = "REF", description = "An image or index: HOST/REPO:TAG or @DIGEST.")
  String ref = "";

  @Override
  void run() throws Exception {
    writeRaw(Remote.image(reference(ref), reading()).rawConfigFile());
  }
}
