package dev.containerregistry.cli;

import dev.containerregistry.v1.remote.Remote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code crs manifest REF}: the manifest bytes exactly as the registry sent them. */
@Command(
    name = "manifest",
    mixinStandardHelpOptions = true,
    description =
        "Print the manifest or index REF points at, byte for byte as the registry sent it"
            + " (no newline added).")
final class ManifestCommand extends CrsCommand {

  @Parameters(paramLabel = "REF", description = "An image or index: HOST/REPO:TAG or @DIGEST.")
  String ref = "";

  @Override
  void run() throws Exception {
    writeRaw(Remote.get(reference(ref), reading()).bytes());
  }
}
