package dev.containerregistry.v1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashTest {
  private static final String EMPTY_SHA256 =
      "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void sha256OfEmptyBytesIsTheWellKnownValue() {
    assertEquals(EMPTY_SHA256, Hash.sha256(new byte[0]).toString());
  }

  @Test
  void parseRoundTripsThroughToString() {
    assertEquals(EMPTY_SHA256, Hash.parse(EMPTY_SHA256).toString());
  }

  @Test
  void sha256OfStreamCountsTheBytes() throws Exception {
    byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
    Hash.Sized sized = Hash.sha256(new ByteArrayInputStream(data));
    assertEquals(Hash.sha256(data), sized.hash());
    assertEquals(5, sized.size());
  }

  @Test
  void hashingPassesBytesThroughAndReportsOnceAtTheEnd() throws Exception {
    byte[] data = "hello, world".getBytes(StandardCharsets.UTF_8);
    List<Hash.Sized> reports = new ArrayList<>();
    try (InputStream in = Hash.hashing(new ByteArrayInputStream(data), reports::add)) {
      assertEquals('h', in.read());
      assertEquals(0, reports.size(), "nothing is reported before the end");
      assertArrayEquals(Arrays.copyOfRange(data, 1, data.length), in.readAllBytes());
      assertEquals(-1, in.read());
    }
    assertEquals(List.of(new Hash.Sized(Hash.sha256(data), data.length)), reports);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "sha256",
        "sha256:",
        "md5:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
        "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",
        "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855a",
        "sha256:g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
      })
  void parseRefusesMalformedDigestsQuotingTheInput(String bad) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Hash.parse(bad));
    assertTrue(e.getMessage().endsWith(bad), e.getMessage());
  }
}
