package dev.containerregistry.cli;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.transport.TransportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code crs digest REF}: the digest of what a reference points at. */
@Command(
    name = "digest",
    mixinStandardHelpOptions = true,
    description =
        "Print the digest of the manifest or index REF points at (asked with HEAD, then GET).")
final class DigestCommand extends CrsCommand {

  @Parameters(paramLabel = "REF", description = "An image or index: HOST/REPO:TAG or @DIGEST.")
  String ref = "";

  @Override
  void run() throws Exception {
    Reference target = reference(ref);
    Hash digest;
    try {
      digest = Remote.head(target, reading()).digest();
    } catch (TransportException headFailed) {
      // As crane does: the answer to a GET carries the registry's error code, a HEAD's cannot.
      digest = Remote.get(target, reading()).digest();
    }
    out().println(digest);
  }
}
