package dev.containerregistry.cli;

import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crs copy SRC DST}: registry to registry, blob by blob. */
@Command(
    name = "copy",
    aliases = "cp",
    mixinStandardHelpOptions = true,
    description =
        "Copy the image or index (with every child) SRC to DST, registry to registry, without"
            + " writing to disk; blobs already in the destination are skipped, and mounted from"
            + " the source repository when both are on one registry. Digests stay the same."
            + " Prints HOST/REPO@DIGEST of each copy.")
final class CopyCommand extends CrsCommand {

  @Parameters(
      index = "0",
      paramLabel = "SRC",
      description = "The source reference (a repository with --all-tags).")
  String source = "";

  @Parameters(
      index = "1",
      paramLabel = "DST",
      description = "The destination (a repository with --all-tags).")
  String destination = "";

  @Option(
      names = {"-a", "--all-tags"},
      description = "Copy every tag of the SRC repository to DST.")
  boolean allTags;

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      defaultValue = "4",
      description = "Blobs transferred at once (default ${DEFAULT-VALUE}).")
  int jobs;

  @Override
  void run() throws Exception {
    if (jobs < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec().commandLine(), "--jobs must be at least 1, got " + jobs);
    }
    RemoteOptions options = remote(jobs);
    if (!allTags) {
      copy(reference(source), reference(destination), options);
      return;
    }
    Repository from = repository(source);
    Repository to = repository(destination);
    for (String tag : Remote.list(from, options)) {
      copy(from.tag(tag), to.tag(tag), options);
    }
  }

  /** The whole source, or with {@code --platform} only its image for that platform. */
  private void copy(Reference from, Reference to, RemoteOptions options) throws Exception {
    if (globals().platform != null) {
      Image image = Remote.image(from, options);
      Remote.write(to, image, options);
      printPushed(to, image.digest());
      return;
    }
    Remote.copy(from, to, options);
    printPushed(to, Remote.head(to, options).digest());
  }
}
