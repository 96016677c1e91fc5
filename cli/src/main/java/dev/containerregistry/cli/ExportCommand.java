package dev.containerregistry.cli;

import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.remote.Remote;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code crs export REF FILE|-}: the flattened filesystem as a tar. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Write the flattened filesystem of the image REF (later layers win, whiteouts applied) as"
            + " one tar to FILE, or to stdout with '-'. Layers are streamed and verified.")
final class ExportCommand extends CrsCommand {

  @Parameters(index = "0", paramLabel = "REF", description = "The image.")
  String ref = "";

  @Parameters(index = "1", paramLabel = "FILE|-", description = "Where to write the tar.")
  String file = "";

  @Override
  void run() throws Exception {
    try (InputStream tar =
        Mutate.extract(Metering.downloads(Remote.image(reference(ref), reading()), progress()))) {
      if (file.equals("-")) {
        tar.transferTo(out());
      } else {
        try (OutputStream out = Files.newOutputStream(Path.of(file))) {
          tar.transferTo(out);
        }
      }
    }
  }
}
