package dev.containerregistry.cli;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.layout.Layout;
import dev.containerregistry.v1.tarball.Tarball;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code crs push PATH REF}: an image layout or tarball on disk into a registry. */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description =
        "Push what PATH holds to REF. A directory is read as an OCI image layout: its one entry"
            + " (an image or an index with every child), or with --index all of its index.json"
            + " as one index. A file is read as a tarball (docker save, or an OCI archive) of one"
            + " image. Blobs are verified as they are read; those the registry has are not sent."
            + " Prints HOST/REPO@DIGEST of the pushed manifest.")
final class PushCommand extends CrsCommand {

  @Parameters(index = "0", paramLabel = "PATH", description = "A layout directory or a tar file.")
  String path = "";

  @Parameters(index = "1", paramLabel = "REF", description = "Where to push: HOST/REPO:TAG.")
  String ref = "";

  @Option(
      names = "--index",
      description = "Push every entry of the layout's index.json, as one index.")
  boolean index;

  @Override
  void run() throws Exception {
    Reference target = reference(ref);
    Path source = Path.of(path);
    if (Files.isDirectory(source)) {
      fromLayout(target, Layout.open(source));
    } else if (Files.isRegularFile(source)) {
      if (index) {
        throw new ParameterException(
            spec().commandLine(), "--index applies to a layout directory, not a tarball");
      }
      fromTarball(target, Tarball.open(source));
    } else {
      throw new NoSuchFileException(path, null, "no such layout directory or tarball");
    }
  }

  private void fromLayout(Reference target, Layout layout) throws IOException {
    if (index) {
      push(target, Metering.uploads(layout.index(), progress()));
      return;
    }
    List<Descriptor> entries = layout.descriptors();
    if (entries.size() != 1) {
      throw new ParameterException(
          spec().commandLine(),
          "layout "
              + path
              + " lists "
              + entries.size()
              + " entries, not one (--index pushes them all as one index)");
    }
    Descriptor entry = entries.get(0);
    if (entry.mediaType().isIndex()) {
      push(target, Metering.uploads(layout.imageIndex(entry.digest()), progress()));
    } else {
      push(target, Metering.uploads(layout.image(entry.digest()), progress()));
    }
  }

  private void fromTarball(Reference target, Tarball tarball) throws IOException {
    if (tarball.size() != 1) {
      throw new IOException(
          "tarball "
              + path
              + " holds "
              + tarball.size()
              + " images "
              + tarball.tags()
              + ", crs push takes a tarball of one");
    }
    push(target, Metering.uploads(tarball.image(0), progress()));
  }
}
