package dev.containerregistry.cli;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.remote.Remote;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * A command that reads the image REF from its registry and writes a result to TARGET ({@code -t}),
 * by default REF itself: it parses both and fetches the image, the subclass does the rest.
 */
abstract class ImageCommand extends CrsCommand {

  @Parameters(
      index = "0",
      paramLabel = "REF",
      description = "The image: HOST/REPO:TAG or HOST/REPO@DIGEST.")
  String ref = "";

  @Mixin TargetOption target = new TargetOption();

  @Override
  final void run() throws Exception {
    Reference source = reference(ref);
    String named = target.target;
    Reference destination = named != null ? reference(named) : source;
    checkDestination(destination);
    run(source, destination, Remote.image(source, reading()));
  }

  /**
   * Refuses a {@code destination} this command cannot write to, before anything is fetched; by
   * default every one is accepted.
   *
   * @throws picocli.CommandLine.ParameterException when it cannot
   */
  void checkDestination(Reference destination) {}

  /**
   * Writes what this command makes of {@code image}, read from {@code source}, to {@code
   * destination}.
   */
  abstract void run(Reference source, Reference destination, Image image) throws Exception;
}
