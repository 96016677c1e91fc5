package dev.containerregistry.cli;

import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.partial.Decompression;
import java.io.IOException;
import java.io.InputStream;

/**
 * A pulled layer whose downloaded bytes are counted even when it is read uncompressed: its tar is
 * the counted compressed stream decompressed (the compressed stream is verified against the layer's
 * digest as it is read).
 */
final class DownloadedLayer extends MeteredLayer {

  DownloadedLayer(Layer delegate, BlobMeter meter) {
    super(delegate, meter);
  }

  @Override
  public InputStream uncompressed() throws IOException {
    InputStream blob = compressed();
    try {
      return Decompression.uncompressed(blob, "layer " + digest());
    } catch (IOException | RuntimeException badHeader) {
      blob.close();
      throw badHeader;
    }
  }
}
