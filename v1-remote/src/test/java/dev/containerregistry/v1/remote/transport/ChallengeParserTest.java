package dev.containerregistry.v1.remote.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChallengeParserTest {

  static Stream<Arguments> headers() {
    return Stream.of(
        Arguments.of(
            "Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\",scope=\"repository:foo/bar:pull\"",
            List.of(
                new Challenge(
                    "bearer",
                    Map.of(
                        "realm", "https://auth.example.com/token",
                        "service", "registry.example.com",
                        "scope", "repository:foo/bar:pull")))),
        Arguments.of(
            "Basic realm=\"Registry Realm\"",
            List.of(new Challenge("basic", Map.of("realm", "Registry Realm")))),
        Arguments.of(
            "BEARER Realm=https://a.example/t, Service=svc",
            List.of(
                new Challenge("bearer", Map.of("realm", "https://a.example/t", "service", "svc")))),
        Arguments.of(
            "Basic realm=\"x\", Bearer realm=\"https://a.example/t\",error=\"insufficient_scope\"",
            List.of(
                new Challenge("basic", Map.of("realm", "x")),
                new Challenge(
                    "bearer",
                    Map.of("realm", "https://a.example/t", "error", "insufficient_scope")))),
        Arguments.of(
            "Bearer realm=\"quoted \\\"inner\\\" and, comma\"",
            List.of(new Challenge("bearer", Map.of("realm", "quoted \"inner\" and, comma")))),
        Arguments.of("Negotiate", List.of(new Challenge("negotiate", Map.of()))),
        Arguments.of("", List.of()),
        Arguments.of(",,  ,", List.of()),
        Arguments.of(
            "Bearer realm=\"unterminated",
            List.of(new Challenge("bearer", Map.of("realm", "unterminated")))));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("headers")
  void parsesChallenges(String header, List<Challenge> expected) {
    assertEquals(expected, ChallengeParser.parse(List.of(header)));
  }
}
