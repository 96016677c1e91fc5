package dev.containerregistry.name;

import static dev.containerregistry.name.GoodAndBadNames.VALID_DIGEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every accepted reference {@code r}: {@code parse(r.toString())} and {@code parse(r.name())}
 * give back a reference equal to {@code r}, and {@code r.name()} is valid even in strict mode.
 */
class RoundTripPropertyTest {

  private static final String[] REGISTRIES = {
    "", "gcr.io/", "docker.io/", "index.docker.io/", "localhost/", "localhost:5000/",
    "[::1]:5000/", "::1/", "10.1.2.3:443/", "example.com:/", "ünï.example/", "a.localhost:8080/"
  };
  private static final String PATH_CHARS = ElementRules.REPOSITORY_CHARS.replace("/", "");
  private static final String HEX = "0123456789abcdef";

  static Stream<Arguments> tableReferences() {
    Stream<Arguments> strict =
        GoodAndBadNames.strictReferences()
            .flatMap(
                s ->
                    Stream.of(
                        Arguments.of(s, new NameOption[] {NameOption.strict()}),
                        Arguments.of(s, new NameOption[] {NameOption.weak()})));
    Stream<Arguments> weak =
        GoodAndBadNames.weakOnlyReferences()
            .map(s -> Arguments.of(s, new NameOption[] {NameOption.weak()}));
    Stream<Arguments> defaulted =
        Stream.of("ubuntu", "crossplane/provider-gcp", "localhost/testimage:mytag")
            .map(
                s ->
                    Arguments.of(
                        s,
                        new NameOption[] {
                          NameOption.defaultRegistry("registry.upbound.io"),
                          NameOption.defaultTag("stable"),
                          NameOption.insecure()
                        }));
    return Stream.of(strict, weak, defaulted).flatMap(s -> s);
  }

  @ParameterizedTest
  @MethodSource("tableReferences")
  void tableReferencesRoundTrip(String input, NameOption[] options) {
    assertRoundTrips(Reference.parse(input, options), options);
  }

  @Test
  void generatedReferencesRoundTrip() {
    Random random = new Random(20240601L);
    for (int i = 0; i < 2_000; i++) {
      String input = generatedReference(random);
      NameOption[] options = generatedOptions(random);

      assertRoundTrips(Reference.parse(input, options), options);
    }
  }

  @Test
  void everyAcceptedRandomStringRoundTrips() {
    Random random = new Random(7L);
    String alphabet = "a.:/@1[]A_";
    int accepted = 0;
    for (int i = 0; i < 50_000; i++) {
      String input = randomString(random, alphabet, 1 + random.nextInt(12));
      Reference reference;
      try {
        reference = Reference.parse(input);
      } catch (BadNameException refused) {
        continue;
      }
      assertRoundTrips(reference, new NameOption[0]);
      accepted++;
    }
    assertTrue(accepted > 1_000, "only " + accepted + " random strings were accepted");
  }

  /**
   * The one exception, as in the reference design: a 248 to 255 character name on Docker Hub is
   * accepted, but its full name (with {@code library/}) is too long to parse back.
   */
  @Test
  void anImplicitLibraryCanMakeTheFullNameTooLong() {
    Tag tag = Tag.parse("a".repeat(250));

    assertThrows(BadNameException.class, () -> Tag.parse(tag.name()));
    assertThrows(BadNameException.class, () -> Digest.parse("a".repeat(250) + "@" + VALID_DIGEST));
  }

  private static void assertRoundTrips(Reference reference, NameOption[] options) {
    Reference fromString = Reference.parse(reference.toString(), options);
    Reference fromName = Reference.parse(reference.name(), options);
    Reference fromNameStrict = Reference.parse(reference.name(), withStrict(options));
    Repository context = Repository.parse(reference.context().name(), options);

    assertEquals(reference, fromString, reference.toString());
    assertEquals(reference.toString(), fromString.toString());
    assertEquals(reference, fromName, reference.toString());
    assertEquals(reference.hashCode(), fromName.hashCode(), reference.toString());
    assertEquals(reference.name(), fromName.name());
    assertEquals(reference, fromNameStrict, reference.toString());
    assertEquals(reference.context(), context, reference.toString());
  }

  private static NameOption[] withStrict(NameOption[] options) {
    List<NameOption> all = new ArrayList<>(List.of(options));
    all.add(NameOption.strict());
    return all.toArray(NameOption[]::new);
  }

  private static String generatedReference(Random random) {
    StringBuilder s = new StringBuilder(REGISTRIES[random.nextInt(REGISTRIES.length)]);
    int elements = 1 + random.nextInt(3);
    for (int e = 0; e < elements; e++) {
      s.append(e == 0 ? "" : "/").append(randomString(random, PATH_CHARS, 1 + random.nextInt(8)));
    }
    if (random.nextBoolean()) {
      s.append(':').append(randomString(random, ElementRules.TAG_CHARS, 1 + random.nextInt(20)));
    }
    if (random.nextBoolean()) {
      s.append("@sha256:").append(randomString(random, HEX, 64));
    }
    return s.toString();
  }

  private static NameOption[] generatedOptions(Random random) {
    List<NameOption> options = new ArrayList<>();
    if (random.nextBoolean()) {
      options.add(NameOption.insecure());
    }
    if (random.nextInt(4) == 0) {
      options.add(NameOption.defaultRegistry("registry.example:5000"));
    }
    if (random.nextInt(4) == 0) {
      options.add(NameOption.defaultTag("stable"));
    }
    return options.toArray(NameOption[]::new);
  }

  private static String randomString(Random random, String alphabet, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }
}
