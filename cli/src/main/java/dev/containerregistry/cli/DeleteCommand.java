package dev.containerregistry.cli;

import dev.containerregistry.v1.remote.Remote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code crs delete REF}: deletes a manifest. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description =
        "Delete the manifest REF points at (most registries want HOST/REPO@DIGEST, not a tag).")
final class DeleteCommand extends CrsCommand {

  @Parameters(paramLabel = "REF", description = "The manifest to delete.")
  String ref = "";

  @Override
  void run() throws Exception {
    Remote.delete(reference(ref), remote());
  }
}
