package dev.containerregistry.v1.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/** Sends a blob's bytes into an open upload session; one implementation per {@link UploadMode}. */
interface DataSender {

  /**
   * Sends all of {@code data} (which the sender reads to its end and closes) to the session at
   * {@code session}, reporting offsets to {@code progress}.
   *
   * @return the location to commit the upload at
   */
  URI send(UploadSession.Opened session, InputStream data, ProgressTracker.BlobProgress progress)
      throws IOException;

  /**
   * True when this sender recovers from failures by itself (resuming from the registry's offset),
   * so the blob is not restarted on top of that.
   */
  default boolean resumes() {
    return false;
  }
}
