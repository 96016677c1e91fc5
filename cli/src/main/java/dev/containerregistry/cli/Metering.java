package dev.containerregistry.cli;

import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.partial.ImageCore;
import dev.containerregistry.v1.partial.IndexCore;
import dev.containerregistry.v1.partial.Partial;
import java.io.IOException;

/**
 * Images and indexes whose layers count their bytes on a {@link ProgressBar} as they are read: the
 * same manifests, configs and digests, each layer wrapped in a {@link MeteredLayer}. Display only:
 * what is read, and from where, is the SDK's.
 */
final class Metering {

  /** Wraps one layer of an image, described by its manifest's descriptor. */
  @FunctionalInterface
  private interface LayerWrapper {
    Layer wrap(Layer layer, Descriptor descriptor);
  }

  private Metering() {}

  /** {@code image} with each layer counted as a download (toward the bar's totals). */
  static Image downloads(Image image, ProgressBar bar) {
    return image(
        image, (layer, d) -> new DownloadedLayer(layer, bar.download(d.digest(), d.size())));
  }

  /** {@code index} with each layer of each child counted as a download. */
  static ImageIndex downloads(ImageIndex index, ProgressBar bar) {
    return index(
        index, (layer, d) -> new DownloadedLayer(layer, bar.download(d.digest(), d.size())));
  }

  /** {@code image} with the bytes of each layer shown while it is read for an upload. */
  static Image uploads(Image image, ProgressBar bar) {
    return image(
        image,
        (layer, d) -> new MeteredLayer(layer, bar.upload(ProgressBar.shortDigest(d.digest()))));
  }

  /** {@code index} with the bytes of each layer of each child shown while it is uploaded. */
  static ImageIndex uploads(ImageIndex index, ProgressBar bar) {
    return index(
        index,
        (layer, d) -> new MeteredLayer(layer, bar.upload(ProgressBar.shortDigest(d.digest()))));
  }

  private static Image image(Image image, LayerWrapper wrapper) {
    return Partial.image(
        new ImageCore() {
          @Override
          public byte[] rawManifest() throws IOException {
            return image.rawManifest();
          }

          @Override
          public byte[] rawConfigFile() throws IOException {
            return image.rawConfigFile();
          }

          @Override
          public Layer layer(Descriptor descriptor) throws IOException {
            return wrapper.wrap(image.layerByDigest(descriptor.digest()), descriptor);
          }
        });
  }

  private static ImageIndex index(ImageIndex index, LayerWrapper wrapper) {
    return Partial.index(
        new IndexCore() {
          @Override
          public byte[] rawManifest() throws IOException {
            return index.rawManifest();
          }

          @Override
          public Image image(Descriptor child) throws IOException {
            return Metering.image(index.image(child.digest()), wrapper);
          }

          @Override
          public ImageIndex imageIndex(Descriptor child) throws IOException {
            return Metering.index(index.imageIndex(child.digest()), wrapper);
          }
        });
  }
}
