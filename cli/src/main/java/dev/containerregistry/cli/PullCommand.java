package dev.containerregistry.cli;

import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Tag;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.layout.Layout;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.tarball.Tarball;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code crs pull REF PATH --format oci|tarball}: an image from a registry onto disk. */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    description = {
      "Save the image or index REF to PATH. With --format oci (the default), PATH is an OCI image"
          + " layout directory, created when it holds none; REF is listed in its index.json under"
          + " its tag as ref name (replacing what had that name), or with no ref name for a digest."
          + " An index is saved whole, with every child, unless --platform picks one image. With"
          + " --format tarball, PATH is a file as `docker save` writes it (and `docker load`"
          + " reads), of the image for the platform, tagged REF (a digest is tagged"
          + " 'i-was-a-digest'); it is written beside PATH and renamed at the end, so a failed"
          + " pull leaves no partial file.",
      "Every blob is verified as it is read. Prints HOST/REPO@DIGEST of what was saved."
    })
final class PullCommand extends CrsCommand {

  /** The tag a tarball gives an image pulled by digest, as crane does. */
  static final String DIGEST_TAG = "i-was-a-digest";

  @Parameters(index = "0", paramLabel = "REF", description = "The image or index.")
  String ref = "";

  @Parameters(index = "1", paramLabel = "PATH", description = "The layout directory or tar file.")
  String path = "";

  @Option(
      names = "--format",
      paramLabel = "oci|tarball",
      defaultValue = "oci",
      description = "What to write: an OCI image layout or a docker-save tarball (default oci).")
  String format = "oci";

  @Override
  void run() throws Exception {
    Reference source = reference(ref);
    Path target = Path.of(path);
    RemoteOptions options = reading();
    switch (format) {
      case "oci" -> toLayout(source, target, options);
      case "tarball" -> toTarball(source, target, options);
      default ->
          throw new ParameterException(
              spec().commandLine(), "--format is oci or tarball, not '" + format + "'");
    }
  }

  private void toLayout(Reference source, Path dir, RemoteOptions options) throws Exception {
    String refName = source instanceof Tag tag ? tag.tagStr() : null;
    Descriptor saved;
    if (globals().platform == null && Remote.get(source, options).mediaType().isIndex()) {
      ImageIndex index = Metering.downloads(Remote.index(source, options), progress());
      Layout layout = layout(dir);
      saved = refName != null ? layout.replace(refName, index) : layout.append(index);
    } else {
      Image image = Metering.downloads(Remote.image(source, options), progress());
      Layout layout = layout(dir);
      saved = refName != null ? layout.replace(refName, image) : layout.append(image);
    }
    printPushed(source, saved.digest());
  }

  /** The layout in {@code dir}, made there when it holds none (only once REF was found). */
  private static Layout layout(Path dir) throws IOException {
    return Files.exists(dir.resolve("oci-layout")) ? Layout.open(dir) : Layout.create(dir);
  }

  private void toTarball(Reference source, Path file, RemoteOptions options) throws Exception {
    Tag tag = source instanceof Tag named ? named : source.context().tag(DIGEST_TAG);
    Image image = Metering.downloads(Remote.image(source, options), progress());
    Path dir = Objects.requireNonNullElse(file.toAbsolutePath().getParent(), Path.of("/"));
    Path partial = Files.createTempFile(dir, file.getFileName() + ".", ".part");
    try {
      Tarball.write(Map.of(tag, image), partial);
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
    printPushed(source, image.digest());
  }
}
