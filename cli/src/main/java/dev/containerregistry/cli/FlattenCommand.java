package dev.containerregistry.cli;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.History;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.RootFs;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.mutate.Addendum;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.stream.StreamLayer;
import java.io.InputStream;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code crs flatten REF -t TARGET}: the image as one layer. */
@Command(
    name = "flatten",
    mixinStandardHelpOptions = true,
    description =
        "Push the image REF as a single layer (its flattened filesystem, streamed) with its"
            + " config, to TARGET (default: REF itself, when it is a tag). Prints HOST/REPO@DIGEST.")
final class FlattenCommand extends ImageCommand {

  @Override
  void run(Reference source, Reference destination, Image image) throws Exception {
    boolean ociManifest = image.mediaType().equals(MediaType.OCI_MANIFEST);
    ConfigFile noLayers =
        image.configFile().toBuilder().rootFs(RootFs.of(List.of())).history(List.of()).build();
    Image base = Mutate.configFile(Mutate.mediaType(Empty.image(), image.mediaType()), noLayers);
    base = Mutate.configMediaType(base, image.manifest().config().mediaType());
    try (InputStream filesystem = Mutate.extract(image)) {
      Layer layer =
          new MeteredLayer(
              StreamLayer.builder(filesystem)
                  .mediaType(ociManifest ? MediaType.OCI_LAYER : MediaType.DOCKER_LAYER)
                  .build(),
              progress().upload("flattened layer"));
      History step =
          History.builder().createdBy("crs flatten " + source.name()).comment("flattened").build();
      push(destination, Mutate.append(base, Addendum.builder().layer(layer).history(step).build()));
    }
  }
}
