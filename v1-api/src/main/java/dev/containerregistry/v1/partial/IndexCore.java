package dev.containerregistry.v1.partial;

import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import java.io.IOException;

/**
 * The least an index must provide; {@link Partial#index(IndexCore)} derives every other method of
 * {@link ImageIndex}.
 */
public interface IndexCore {

  /** The exact bytes of the index. */
  byte[] rawManifest() throws IOException;

  /** The image that a child descriptor of the index points at. */
  Image image(Descriptor child) throws IOException;

  /** The nested index that a child descriptor of the index points at. */
  ImageIndex imageIndex(Descriptor child) throws IOException;
}
