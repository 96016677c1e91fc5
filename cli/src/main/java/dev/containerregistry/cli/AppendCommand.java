package dev.containerregistry.cli;

import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.files.FileLayer;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.stream.StreamLayer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code crs append -f FILE|- -t TARGET [-b BASE]}: tars as new layers, streamed. */
@Command(
    name = "append",
    mixinStandardHelpOptions = true,
    description =
        "Append tar files, stdin ('-') or directories as new layers to BASE (default: an empty image) and push"
            + " the result to TARGET. Each tar is gzipped and hashed as it is uploaded, read once,"
            + " never stored; a directory becomes a reproducible layer of its tree. Prints HOST/REPO@DIGEST of the pushed image.")
final class AppendCommand extends CrsCommand {

  @Option(
      names = {"-f", "--new-layer"},
      required = true,
      paramLabel = "FILE|-|DIR",
      description =
          "A tar file, '-' for a tar on stdin, or a directory (its contents at the image's root)"
              + " to append as a layer; repeat for more layers.")
  List<String> files = new ArrayList<>();

  @Mixin RequiredTargetOption target = new RequiredTargetOption();

  @Option(
      names = {"-b", "--base"},
      paramLabel = "BASE",
      description = "The image to append to (default: an empty image).")
  @Nullable String base;

  @Option(
      names = "--oci",
      description =
          "With no base, start from an empty OCI image with OCI layers (default: Docker media"
              + " types).")
  boolean oci;

  @Override
  void run() throws Exception {
    if (files.stream().filter("-"::equals).count() > 1) {
      throw new ParameterException(spec().commandLine(), "stdin ('-') can be appended only once");
    }
    if (oci && base != null) {
      throw new ParameterException(
          spec().commandLine(), "--oci applies only without --base (the base sets the types)");
    }
    Image start = start();
    MediaType layerType =
        start.mediaType().equals(MediaType.OCI_MANIFEST)
            ? MediaType.OCI_LAYER
            : MediaType.DOCKER_LAYER;
    List<InputStream> inputs = new ArrayList<>();
    try {
      Layer[] layers = new Layer[files.size()];
      for (int i = 0; i < layers.length; i++) {
        layers[i] = layer(files.get(i), layerType, inputs);
      }
      push(reference(target.target), Mutate.appendLayers(start, layers));
    } finally {
      for (InputStream in : inputs) {
        in.close();
      }
    }
  }

  private Image start() throws Exception {
    if (base != null) {
      return Remote.image(reference(base), reading());
    }
    Image empty = Empty.image();
    return oci
        ? Mutate.configMediaType(
            Mutate.mediaType(empty, MediaType.OCI_MANIFEST), MediaType.OCI_CONFIG_JSON)
        : empty;
  }

  /**
   * A directory becomes a file layer (its tree under {@code /}, sorted, reproducible); a tar file
   * or stdin a stream layer, whose stream is added to {@code inputs} to be closed. Its bytes are
   * shown on the progress bar as they are uploaded.
   */
  private Layer layer(String file, MediaType type, List<InputStream> inputs) throws IOException {
    BlobMeter meter = progress().upload(file.equals("-") ? "stdin" : fileName(file));
    if (!file.equals("-") && Files.isDirectory(Path.of(file))) {
      return new MeteredLayer(
          FileLayer.builder().directory(Path.of(file), "/").mediaType(type).build(), meter);
    }
    InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file));
    inputs.add(in);
    return new MeteredLayer(StreamLayer.builder(in).mediaType(type).build(), meter);
  }

  /** The last element of {@code file}'s path, the short label of its layer on the progress bar. */
  private static String fileName(String file) {
    Path name = Path.of(file).getFileName();
    return name != null ? name.toString() : file;
  }
}
