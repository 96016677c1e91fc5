package dev.containerregistry.v1;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The layers of an image's root filesystem as the config lists them: by DiffID, base first. An
 * empty list is written {@code "diff_ids":null}, as Go writes a config that has no layers.
 *
 * @param type always {@code "layers"} in valid images
 * @param diffIds the sha256 of each uncompressed layer, base first
 */
public record RootFs(String type, List<Hash> diffIds) {

  /** The only {@code type} the spec defines. */
  public static final String LAYERS = "layers";

  /** Refuses nulls and copies the list. */
  public RootFs {
    Objects.requireNonNull(type, "type");
    diffIds = Copies.list(diffIds, "diffIds");
  }

  /** A {@code layers} root filesystem with these DiffIDs. */
  public static RootFs of(List<Hash> diffIds) {
    return new RootFs(LAYERS, diffIds);
  }

  static RootFs read(JsonFields in) throws MalformedDocumentException {
    return new RootFs(in.string("type"), in.hashes("diff_ids"));
  }

  void writeFields(JsonOut out) throws IOException {
    out.string("type", type);
    out.stringsOrNull("diff_ids", diffIds);
  }
}
