package dev.containerregistry.name;

import static dev.containerregistry.name.GoodAndBadNames.VALID_DIGEST;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Megabyte-long inputs shaped to trouble a backtracking parser. Parsing walks the input a fixed
 * number of times, so each is refused after a few linear passes.
 */
class HostileInputTest {

  private static final int MEGABYTE = 1 << 20;

  private static Named<String> hostile(String shape, String s) {
    return Named.of(shape + " (" + s.length() + " chars)", s);
  }

  static Stream<Named<String>> hostileInputs() {
    return Stream.of(
        hostile("letters", "a".repeat(MEGABYTE)),
        hostile("colons", ":".repeat(MEGABYTE)),
        hostile("slashes", "/".repeat(MEGABYTE)),
        hostile("at signs", "@".repeat(MEGABYTE)),
        hostile("brackets", "[".repeat(MEGABYTE)),
        hostile("path elements", "a/".repeat(MEGABYTE / 2)),
        hostile("empty tags", "a:".repeat(MEGABYTE / 2)),
        hostile("dotted path", "a.".repeat(MEGABYTE / 2) + "/b:" + "c".repeat(200)),
        hostile("long repository", "gcr.io/" + "a".repeat(MEGABYTE) + "@" + VALID_DIGEST),
        hostile("long digest", "gcr.io/a@sha256:" + "f".repeat(MEGABYTE)),
        hostile("almost a port", "localhost:" + "1".repeat(MEGABYTE) + "x/image"),
        hostile("non-ASCII", "é".repeat(MEGABYTE)));
  }

  @ParameterizedTest
  @MethodSource("hostileInputs")
  void aMegabyteOfHostileInputIsRefused(String input) {
    BadNameException e = assertThrows(BadNameException.class, () -> Reference.parse(input));

    assertTrue(e.getMessage().length() < 1_000);
  }

  /**
   * The reference design sets no limit on the registry's length; this parser refuses more than 255
   * characters (a deliberate difference), so a megabyte registry is refused too.
   */
  @Test
  void aMegabyteRegistryIsRefusedNamingTheLimit() {
    String registry = "a.".repeat(MEGABYTE / 2);

    BadNameException e =
        assertThrows(BadNameException.class, () -> Tag.parse(registry + "/image:v1"));

    assertTrue(
        e.getMessage()
            .startsWith("registry must be at most 255 characters in length, got " + MEGABYTE),
        e.getMessage());
    assertTrue(e.getMessage().length() < 1_000);
  }
}
