package dev.containerregistry.v1;

/**
 * A layer whose {@link #digest()}, {@link #diffId()} and {@link #size()} are computed by reading
 * its {@link #compressed()} stream: until a first read has ended they throw {@link
 * NotComputedException}. Consumers (a push, a layout writer) ask {@link #computed()} instead of
 * calling them and catching that exception, and {@link #readableAgain()} to know whether a failed
 * read can be started over.
 *
 * <p>For plugin authors: implement this when your layer learns its values by being read. {@code
 * StreamLayer} (v1-stream) is read once; {@code FileLayer} (v1-files) can be read again. A push
 * sends a layer that is not {@link #computed()} without checking or mounting it first, and commits
 * it with the digest read afterwards; after a failure mid-upload it restarts such a layer from byte
 * 0 only when {@link #readableAgain()}. A layer that does not implement this interface must answer
 * {@link #digest()} and {@link #size()} without being read.
 */
public interface ComputedOnRead extends Layer {

  /**
   * True once {@link #digest()}, {@link #diffId()} and {@link #size()} return values (a compressed
   * stream has been read to its end); it never turns false again.
   */
  boolean computed();

  /**
   * True when {@link #compressed()} can be opened again, after a read that ended or failed, and
   * gives the same bytes; false for a layer whose input is consumed by its first read.
   */
  boolean readableAgain();
}
