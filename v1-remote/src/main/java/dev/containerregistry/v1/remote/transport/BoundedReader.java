package dev.containerregistry.v1.remote.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads a response body into memory without ever holding more than a fixed number of bytes. */
final class BoundedReader {

  private BoundedReader() {}

  static byte[] read(Response response, long limit) throws IOException {
    Optional<Long> declared = declaredLength(response);
    if (declared.isPresent() && declared.get() > limit) {
      throw tooLong(response, "declares " + declared.get() + " bytes, over the limit of " + limit);
    }
    InputStream in = response.body();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      total += n;
      if (total > limit) {
        throw tooLong(response, "is longer than the limit of " + limit + " bytes");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static Optional<Long> declaredLength(Response response) {
    try {
      return response.header("Content-Length").map(String::trim).map(Long::parseLong);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static IOException tooLong(Response response, String what) {
    return new IOException("refusing the response body of " + response.request() + ": it " + what);
  }
}
