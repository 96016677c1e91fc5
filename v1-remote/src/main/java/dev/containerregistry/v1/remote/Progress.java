package dev.containerregistry.v1.remote;

/**
 * Where a push stands, in blob bytes. Neither figure ever decreases. {@code total} grows as blobs
 * are discovered (a stream layer's size is only known as it is read); {@code complete} counts bytes
 * sent plus the sizes of blobs that needed no upload. At the end {@code complete == total}.
 *
 * @param total the bytes of every blob known so far
 * @param complete the bytes done so far
 */
public record Progress(long total, long complete) {

  /** True once every known byte is done. */
  public boolean done() {
    return complete == total;
  }
}
