package dev.containerregistry.v1;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/**
 * One step of how an image was built, as listed in its config. Strings are "" when unset; {@code
 * created} is {@link ConfigFile#ZERO_TIME} when unset and is always written, as Go does.
 *
 * @param author who made the step
 * @param created when the step was made
 * @param createdBy the command of the step, for example {@code /bin/sh -c #(nop) CMD ["sh"]}
 * @param comment a free comment
 * @param emptyLayer true when the step made no layer (so it has no DiffID)
 */
public record History(
    String author, Instant created, String createdBy, String comment, boolean emptyLayer) {

  /** Refuses nulls and times Go cannot write (outside the years 0 to 9999). */
  public History {
    Objects.requireNonNull(author, "author");
    GoTime.check(Objects.requireNonNull(created, "created"));
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(comment, "comment");
  }

  /** A builder with every field unset. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this entry. */
  public Builder toBuilder() {
    return new Builder()
        .author(author)
        .created(created)
        .createdBy(createdBy)
        .comment(comment)
        .emptyLayer(emptyLayer);
  }

  static History read(JsonFields in) throws MalformedDocumentException {
    return new History(
        in.string("author"),
        in.time("created"),
        in.string("created_by"),
        in.string("comment"),
        in.bool("empty_layer"));
  }

  void writeFields(JsonOut out) throws IOException {
    out.omitEmpty("author", author);
    out.time("created", created);
    out.omitEmpty("created_by", createdBy);
    out.omitEmpty("comment", comment);
    out.omitFalse("empty_layer", emptyLayer);
  }

  /** Builds a {@link History} entry. */
  public static final class Builder {
    private String author = "";
    private Instant created = ConfigFile.ZERO_TIME;
    private String createdBy = "";
    private String comment = "";
    private boolean emptyLayer;

    private Builder() {}

    /** Sets the author. */
    public Builder author(String author) {
      this.author = author;
      return this;
    }

    /** Sets the creation time. */
    public Builder created(Instant created) {
      this.created = created;
      return this;
    }

    /** Sets the command that made the step. */
    public Builder createdBy(String createdBy) {
      this.createdBy = createdBy;
      return this;
    }

    /** Sets the comment. */
    public Builder comment(String comment) {
      this.comment = comment;
      return this;
    }

    /** Marks the step as one that made no layer. */
    public Builder emptyLayer(boolean emptyLayer) {
      this.emptyLayer = emptyLayer;
      return this;
    }

    /** The entry. */
    public History build() {
      return new History(author, created, createdBy, comment, emptyLayer);
    }
  }
}
