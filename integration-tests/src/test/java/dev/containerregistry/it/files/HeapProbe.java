package dev.containerregistry.it.files;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.files.FileLayer;
import dev.containerregistry.v1.mutate.Mutate;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * Run in a child JVM with a small heap: pushes the directory given as a {@link FileLayer} and
 * prints the layer digest and the peak heap use (the sum of the heap pools' peaks, an upper bound).
 */
public final class HeapProbe {
  private HeapProbe() {}

  /**
   * Pushes {@code args[1]} at {@code /data} to {@code args[0]}.
   *
   * @param args the reference and the directory
   * @throws Exception when the push fails
   */
  public static void main(String[] args) throws Exception {
    FileLayer layer = FileLayer.builder().directory(Path.of(args[1]), "/data").build();
    Image image = Mutate.appendLayers(Empty.ociImage(), layer);
    Remote.write(Reference.parse(args[0]), image, RemoteOptions.defaults());
    System.out.println("layer " + layer.digest());
    System.out.println("heap-peak " + peakHeap());
  }

  /** The sum of the peak use of every heap pool, in bytes. */
  static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
