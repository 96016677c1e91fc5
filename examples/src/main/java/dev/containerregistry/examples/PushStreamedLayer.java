package dev.containerregistry.examples;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Config;
import dev.containerregistry.v1.History;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.mutate.Addendum;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.stream.StreamLayer;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Streams a tar from standard input into a layer, puts it on an empty OCI image with a small config
 * and a history entry, and pushes the image: {@code java ... PushStreamedLayer
 * localhost:5000/demo/streamed:latest < layer.tar}. The tar is read once, compressed and hashed as
 * it is uploaded, and never held in memory.
 */
public final class PushStreamedLayer {
  private PushStreamedLayer() {}

  /**
   * Pushes standard input as a layer to the reference given as the only argument.
   *
   * @param args the reference to push to
   * @throws Exception when the push fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: PushStreamedLayer REFERENCE < layer.tar");
      System.exit(2);
    }
    push(Reference.parse(args[0]), System.in, System.out);
  }

  /**
   * Pushes the tar read from {@code tar} as a one-layer image to {@code ref}, reporting to {@code
   * out}.
   */
  public static Image push(Reference ref, InputStream tar, PrintStream out) throws Exception {
    long start = System.nanoTime();

    StreamLayer layer = StreamLayer.builder(tar).mediaType(MediaType.OCI_LAYER).build();
    Config config =
        Config.builder()
            .entrypoint(List.of("/bin/sh", "-c"))
            .cmd(List.of("ls -l /"))
            .env(List.of("PATH=/usr/local/bin:/usr/bin:/bin", "GREETING=hello from Java"))
            .build();
    Instant now = Instant.now();
    Image scratch = Mutate.mediaType(Empty.image(), MediaType.OCI_MANIFEST);
    scratch = Mutate.configMediaType(scratch, MediaType.OCI_CONFIG_JSON);
    Image base = Mutate.createdAt(Mutate.config(scratch, config), now);
    History step = History.builder().created(now).createdBy("PushStreamedLayer < stdin").build();
    Image image = Mutate.append(base, Addendum.builder().layer(layer).history(step).build());

    Remote.write(ref, image, RemoteOptions.defaults());

    Duration took = Duration.ofNanos(System.nanoTime() - start);
    out.println("pushed    " + ref);
    out.println("manifest  " + image.digest());
    out.println("layer     " + layer.digest());
    out.println("diff id   " + layer.diffId());
    out.println("size      " + layer.size() + " bytes compressed");
    out.println("took      " + took.toMillis() + " ms");
    return image;
  }
}
