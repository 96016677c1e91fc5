package dev.containerregistry.v1;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the test documents under {@code src/test/resources/documents}. */
final class Documents {
  private Documents() {}

  static byte[] read(String path) {
    try (InputStream in = Documents.class.getResourceAsStream("/documents/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test document " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean exists(String path) {
    return Documents.class.getResource("/documents/" + path) != null;
  }
}
