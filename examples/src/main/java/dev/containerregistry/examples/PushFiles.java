package dev.containerregistry.examples;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.files.FileLayer;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds an OCI image from files and pushes it: {@code java ... PushFiles
 * localhost:5000/demo/app:latest DIRECTORY SCRIPT}. DIRECTORY goes to {@code /app}, SCRIPT to
 * {@code /app/run}, which becomes the entrypoint. The layer is tarred, compressed and hashed as it
 * is uploaded: no temporary file, no cache directory.
 */
public final class PushFiles {
  private PushFiles() {}

  /**
   * Pushes the image built from the directory and script given as arguments.
   *
   * @param args the reference to push to, the directory, the script
   * @throws Exception when reading the files or the push fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: PushFiles REFERENCE DIRECTORY SCRIPT");
      System.exit(2);
    }
    push(Reference.parse(args[0]), Path.of(args[1]), Path.of(args[2]), System.out);
  }

  /**
   * Pushes {@code directory} at {@code /app} and {@code script} at {@code /app/run} on an empty OCI
   * image with {@code /app/run} as entrypoint, reporting the digests to {@code out}.
   */
  public static Image push(Reference ref, Path directory, Path script, PrintStream out)
      throws Exception {
    FileLayer layer =
        FileLayer.builder().directory(directory, "/app").file(script, "/app/run").build();
    Image base = Mutate.config(Empty.ociImage(), c -> c.entrypoint(List.of("/app/run")));
    Image image = Mutate.appendLayers(base, layer);
    Remote.write(ref, image, RemoteOptions.defaults());

    out.println("pushed    " + ref);
    out.println("manifest  " + image.digest());
    out.println("layer     " + layer.digest());
    out.println("diff id   " + layer.diffId());
    out.println("size      " + layer.size() + " bytes compressed");
    return image;
  }
}
