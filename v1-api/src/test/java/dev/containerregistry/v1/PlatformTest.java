package dev.containerregistry.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformTest {

  @ParameterizedTest
  @CsvSource({
    "linux,                    linux, '', '', ''",
    "linux/amd64,              linux, amd64, '', ''",
    "linux/arm/v7,             linux, arm, v7, ''",
    "windows/amd64:10.0.17763, windows, amd64, '', 10.0.17763",
    "'  linux/arm64/v8  ',     linux, arm64, v8, ''",
    "'',                       '', '', '', ''"
  })
  void parseSplitsTheParts(String s, String os, String arch, String variant, String osVersion) {
    Platform p = Platform.parse(s);
    assertEquals(os, p.os());
    assertEquals(arch, p.architecture());
    assertEquals(variant, p.variant());
    assertEquals(osVersion, p.osVersion());
  }

  @ParameterizedTest
  @ValueSource(strings = {"linux", "linux/amd64", "linux/arm/v7", "windows/amd64:10.0.17763"})
  void toStringIsReadBackByParse(String s) {
    assertEquals(s, Platform.parse(s).toString());
  }

  @Test
  void toStringIsEmptyWithoutOs() {
    assertEquals("", Platform.of("", "amd64").toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"linux/arm/v7/extra", "windows:1:2"})
  void parseRefusesTooManySeparatorsQuotingTheInput(String bad) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Platform.parse(bad));
    assertEquals(true, e.getMessage().contains("\"" + bad + "\""), e.getMessage());
  }

  @Test
  void equalsIgnoresTheOrderOfFeatures() {
    Platform a = Platform.of("linux", "amd64").withFeatures(List.of("sse4", "avx"));
    Platform b = Platform.of("linux", "amd64").withFeatures(List.of("avx", "sse4"));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, Platform.of("linux", "amd64").withFeatures(List.of("avx")));
  }

  @ParameterizedTest(name = "{0} satisfies {1}: {2}")
  @CsvSource({
    "linux/amd64,        linux/amd64,  true",
    "linux/amd64,        linux,        true",
    "linux/amd64,        '',           true",
    "linux/arm/v7,       linux/arm,    true",
    "linux/arm,          linux/arm/v7, false",
    "linux/amd64,        linux/arm64,  false",
    "windows/amd64:10.0, windows/amd64:10.0, true",
    "windows/amd64:10.0, windows/amd64:11.0, false",
    "windows/amd64,      windows/amd64:10.0, false"
  })
  void satisfiesTreatsEmptySpecFieldsAsWildcards(String have, String spec, boolean expected) {
    assertEquals(expected, Platform.parse(have).satisfies(Platform.parse(spec)));
  }

  @Test
  void satisfiesNeedsASupersetOfTheFeatures() {
    Platform have = Platform.of("windows", "amd64").withOsFeatures(List.of("win32k", "x"));
    assertEquals(true, have.satisfies(Platform.of("windows", "").withOsFeatures(List.of("x"))));
    assertEquals(false, have.satisfies(Platform.of("windows", "").withOsFeatures(List.of("y"))));
  }
}
