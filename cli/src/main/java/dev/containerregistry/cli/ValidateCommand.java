package dev.containerregistry.cli;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.layout.Layout;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.tarball.Tarball;
import dev.containerregistry.v1.validate.Validate;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crs validate --remote REF | --layout DIR | --tarball FILE}: reads everything, checks it.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Read every blob of an image or index (each child of an index) and check digests, sizes,"
            + " DiffIDs and the manifest against the config: in a registry, every entry of an OCI"
            + " image layout, or every image of a tarball. Prints PASS and what was checked, or"
            + " fails with status 1 listing the problems.")
final class ValidateCommand extends CrsCommand {

  @ArgGroup(multiplicity = "1")
  Source source = new Source();

  /** Exactly one of the three places. */
  static final class Source {
    @Option(
        names = "--remote",
        required = true,
        paramLabel = "REF",
        description = "An image or index in a registry.")
    @Nullable String remote;

    @Option(
        names = "--layout",
        required = true,
        paramLabel = "DIR",
        description = "An OCI image layout directory (everything its index.json lists).")
    @Nullable Path layout;

    @Option(
        names = "--tarball",
        required = true,
        paramLabel = "FILE",
        description = "A tarball: docker save or an OCI archive (every image in it).")
    @Nullable Path tarball;
  }

  @Override
  void run() throws Exception {
    String remote = source.remote;
    Path layout = source.layout;
    Path tarball = source.tarball;
    if (remote != null) {
      Reference ref = reference(remote);
      if (Remote.get(ref, reading()).mediaType().isIndex()) {
        Validate.index(Remote.index(ref, reading()));
      } else {
        Validate.image(Remote.image(ref, reading()));
      }
      out().println("PASS: " + ref.name());
    } else if (layout != null) {
      Validate.index(Layout.open(layout).index());
      out().println("PASS: " + layout);
    } else if (tarball != null) {
      Tarball images = Tarball.open(tarball);
      for (int i = 0; i < images.size(); i++) {
        Validate.image(images.image(i));
      }
      out().println("PASS: " + tarball);
    }
  }
}
