package dev.containerregistry.v1.partial;

import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Layer;
import java.io.IOException;

/**
 * The least an image must provide; {@link Partial#image(ImageCore)} derives every other method of
 * {@link dev.containerregistry.v1.Image}. Each method is called at most once per successful call.
 */
public interface ImageCore {

  /** The exact bytes of the manifest. */
  byte[] rawManifest() throws IOException;

  /** The exact bytes of the config blob. */
  byte[] rawConfigFile() throws IOException;

  /** The layer that one of the manifest's layer descriptors points at. */
  Layer layer(Descriptor descriptor) throws IOException;
}
