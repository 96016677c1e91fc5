package dev.containerregistry.v1.remote.authn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one JSON mapper of this package, and the reading of files that hold secrets: a parse error is
 * reported by its position only, because the parser's message (and its cause) may quote a password
 * or token.
 */
final class SecretJson {

  /** Thread-safe once configured, as every Jackson mapper. */
  static final ObjectMapper JSON = new ObjectMapper();

  private SecretJson() {}

  /** The document in {@code file}; a missing file (or an empty one) is the missing node. */
  static JsonNode read(Path file, String doing) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException missing) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode root = JSON.readTree(bytes);
      return root == null ? MissingNode.getInstance() : root;
    } catch (JsonProcessingException e) {
      throw new IOException(
          doing
              + ": not valid JSON (at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    }
  }
}
