package dev.containerregistry.cli;

import dev.containerregistry.v1.remote.Remote;
import java.io.InputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code crs blob REF@DIGEST}: a blob's bytes, verified. */
@Command(
    name = "blob",
    mixinStandardHelpOptions = true,
    description =
        "Write the blob HOST/REPO@DIGEST (a layer or a config) to stdout as stored. It is checked"
            + " against its digest as it streams: content that does not match fails with status 1"
            + " at its end.")
final class BlobCommand extends CrsCommand {

  @Parameters(paramLabel = "REF@DIGEST", description = "The blob: HOST/REPO@sha256:...")
  String ref = "";

  @Override
  void run() throws Exception {
    try (InputStream in = Remote.blob(digest(ref), reading())) {
      in.transferTo(out());
    }
  }
}
