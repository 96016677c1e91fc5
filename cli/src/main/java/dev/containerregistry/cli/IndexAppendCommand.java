package dev.containerregistry.cli;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.mutate.IndexAddendum;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.remote.Remote;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crs index append [BASE] -m REF... -t TARGET}: an index of images. */
@Command(
    name = "append",
    mixinStandardHelpOptions = true,
    description =
        "Append the images or indexes given with -m to the index BASE (default: an empty OCI"
            + " index), each described with the platform of its config, and push the index to"
            + " TARGET. Prints HOST/REPO@DIGEST.")
final class IndexAppendCommand extends CrsCommand {

  @Parameters(
      arity = "0..1",
      paramLabel = "BASE",
      description = "The index to append to (default: an empty OCI index).")
  @Nullable String base;

  @Option(
      names = {"-m", "--manifest"},
      required = true,
      paramLabel = "REF",
      description = "An image or index to add; repeatable.")
  List<String> manifests = new ArrayList<>();

  @Mixin RequiredTargetOption target = new RequiredTargetOption();

  @Override
  void run() throws Exception {
    ImageIndex index = base != null ? Remote.index(reference(base), reading()) : Empty.index();
    List<IndexAddendum> adds = new ArrayList<>();
    for (String manifest : manifests) {
      Reference ref = reference(manifest);
      adds.add(
          Remote.get(ref, reading()).mediaType().isIndex()
              ? IndexAddendum.of(Remote.index(ref, reading()))
              : IndexAddendum.of(Remote.image(ref, reading())));
    }
    push(
        reference(target.target),
        Mutate.appendManifests(index, adds.toArray(IndexAddendum[]::new)));
  }
}
