package dev.containerregistry.v1.remote.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocationsTest {

  private static final Request POST =
      Request.of("POST", URI.create("https://registry.example.com/v2/foo/blobs/uploads/"));

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/v2/foo/blobs/uploads/abc?_state=x, https://registry.example.com/v2/foo/blobs/uploads/abc?_state=x",
    "abc, https://registry.example.com/v2/foo/blobs/uploads/abc",
    "https://storage.example.com/upload/1, https://storage.example.com/upload/1",
    "//other.example.com/u, https://other.example.com/u",
    "http://127.0.0.1:5000/v2/x, http://127.0.0.1:5000/v2/x"
  })
  void resolvesAgainstTheRequestUrl(String location, String expected) throws IOException {
    assertEquals(URI.create(expected), Locations.resolve(POST, location));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"http://[bad", "ftp://registry.example.com/x", "mailto:x@example.com", "/v2/a b"})
  void refusesCorruptLocationsQuotingThem(String location) {
    IOException e = assertThrows(IOException.class, () -> Locations.resolve(POST, location));
    assertTrue(e.getMessage().contains("'" + location + "'"), e.getMessage());
    assertTrue(
        e.getMessage().contains("POST https://registry.example.com/v2/foo/blobs/uploads/"),
        e.getMessage());
  }
}
