package dev.containerregistry.cli;

import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Tag;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.daemon.Daemon;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/** {@code crs load REF}: an image from a registry into the local Docker engine. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    description =
        "Load the image REF (for the platform, from an index) into the local Docker engine"
            + " (DOCKER_HOST, else unix:///var/run/docker.sock), tagged TARGET (default: REF"
            + " itself; a REF by digest needs -t). The image streams from the registry into the"
            + " engine, verified, without a file on disk. Prints the tag the engine now has.")
final class LoadCommand extends ImageCommand {

  @Override
  void checkDestination(Reference destination) {
    if (!(destination instanceof Tag)) {
      throw new ParameterException(
          spec().commandLine(),
          "the engine names images by tag and " + destination + " is a digest: give -t TARGET");
    }
  }

  @Override
  void run(Reference source, Reference destination, Image image) throws Exception {
    Tag tag = (Tag) destination; // checkDestination refused anything else
    Daemon.fromEnvironment().load(Map.of(tag, Metering.downloads(image, progress())));
    out().println(tag.name());
  }
}
