package dev.containerregistry.v1;

import java.io.IOException;

/**
 * Thrown when the bytes of a manifest, index or config file cannot be read as that document: the
 * JSON is malformed, a field has the wrong type, a digest is not {@code sha256:<64 hex>}, a size is
 * negative, or the schema version is not 2. It extends {@link IOException} because such bytes
 * usually come from elsewhere (a registry, a file), and every method that reads them already throws
 * {@code IOException}.
 */
public final class MalformedDocumentException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String document;
  private final String field;

  /**
   * @param document the document being read, for example {@code "image manifest"}
   * @param field the JSON path of the bad field, for example {@code "layers[1].digest"}, or the
   *     empty string when the document as a whole is at fault
   * @param problem what is wrong, quoting the bad input
   */
  public MalformedDocumentException(String document, String field, String problem) {
    super(
        "malformed "
            + document
            + (field.isEmpty() ? "" : ": field \"" + field + "\"")
            + ": "
            + problem);
    this.document = document;
    this.field = field;
  }

  /** The document being read, for example {@code "image manifest"} or {@code "config file"}. */
  public String document() {
    return document;
  }

  /** The JSON path of the bad field ({@code "layers[1].digest"}), empty for the whole document. */
  public String field() {
    return field;
  }
}
