package dev.containerregistry.v1.tar;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Writes a tar archive to an output stream, entry by entry, with the same header encoding as {@link
 * TarStream}. {@link #finish()} writes the end-of-archive marker; {@link #close()} finishes and
 * closes the output.
 */
public final class TarWriter implements Closeable {

  private final OutputStream out;
  private boolean finished;

  /**
   * A writer to {@code out}.
   *
   * @param out where the archive goes; closed by {@link #close()}
   */
  public TarWriter(OutputStream out) {
    this.out = out;
  }

  /**
   * Writes an entry without content: a directory, a link, or an empty file.
   *
   * @param entry the header, of size 0
   * @throws IOException when writing fails or the entry has a size
   */
  public void write(TarEntry entry) throws IOException {
    write(entry, InputStream.nullInputStream());
  }

  /**
   * Writes an entry whose content is in memory; the entry's size is set to its length.
   *
   * @param entry the header
   * @param content the content
   * @throws IOException when writing fails
   */
  public void write(TarEntry entry, byte[] content) throws IOException {
    write(entry.toBuilder().size(content.length).build(), new ByteArrayInputStream(content));
  }

  /**
   * Writes an entry and copies its content, which must hold exactly {@link TarEntry#size()} bytes.
   * The content stream is read but not closed.
   *
   * @param entry the header
   * @param content the content
   * @throws IOException when writing fails or the content has another length
   */
  public void write(TarEntry entry, InputStream content) throws IOException {
    if (finished) {
      throw new IOException("writing tar entry \"" + entry.name() + "\" after the archive ended");
    }
    out.write(TarHeaderEncoder.encode(entry));
    new ExactContent(content, entry).transferTo(out);
    out.write(new byte[UstarBlock.padding(entry.size())]);
  }

  /**
   * Writes the end-of-archive marker, once; the output stays open.
   *
   * @throws IOException when writing fails
   */
  public void finish() throws IOException {
    if (!finished) {
      finished = true;
      out.write(new byte[2 * UstarBlock.SIZE]);
      out.flush();
    }
  }

  /**
   * Finishes the archive and closes the output.
   *
   * @throws IOException when writing or closing fails
   */
  @Override
  public void close() throws IOException {
    try {
      finish();
    } finally {
      out.close();
    }
  }
}
