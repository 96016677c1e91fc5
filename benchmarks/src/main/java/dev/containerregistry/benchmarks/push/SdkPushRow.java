package dev.containerregistry.benchmarks.push;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.files.FileLayer;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.remote.RegistryClient;
import dev.containerregistry.v1.stream.StreamLayer;
import dev.containerregistry.v1.zstd.Zstd;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One SDK row, in a JVM of its own: pushes the corpus as a one-layer image and prints {@link
 * RowReport}'s line. Arguments: {@code stream TAR}, {@code stream-zstd TAR} (zstd at its default
 * level) or {@code files TREE}, then {@code default} or a number of workers, then the reference.
 * Nothing is written to disk: the layer is compressed and hashed while it uploads.
 */
public final class SdkPushRow {

  private SdkPushRow() {}

  /**
   * Pushes once.
   *
   * @param args {@code stream|stream-zstd|files}, the tar or the tree, {@code default|N}, the
   *     reference
   * @throws Exception when the push fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      throw new IllegalArgumentException(
          "usage: SdkPushRow stream|stream-zstd|files PATH default|N REF");
    }
    Path source = Path.of(args[1]);
    String workers = args[2];
    Reference ref = Reference.parse(args[3]);
    if (args[0].equals("stream") || args[0].equals("stream-zstd")) {
      try (InputStream tar = Files.newInputStream(source)) {
        StreamLayer.Builder layer = StreamLayer.builder(tar);
        if (args[0].equals("stream-zstd")) {
          layer.compression(Zstd.compression());
        }
        if (!workers.equals("default")) {
          layer.parallelism(Integer.parseInt(workers));
        }
        push(ref, Empty.image(), layer.build());
      }
    } else if (args[0].equals("files")) {
      FileLayer.Builder layer = FileLayer.builder().directory(source, "/");
      if (!workers.equals("default")) {
        layer.parallelism(Integer.parseInt(workers));
      }
      push(ref, Empty.ociImage(), layer.build());
    } else {
      throw new IllegalArgumentException("unknown SDK row kind '" + args[0] + "'");
    }
  }

  private static void push(Reference ref, Image base, Layer layer) throws Exception {
    Image image = Mutate.appendLayers(base, layer);
    RowReport.measure(
        () -> {
          try (RegistryClient client = RegistryClient.create()) {
            client.write(ref, image);
          }
        });
  }
}
