package dev.containerregistry.v1.mutate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Flattening layers given base first, as an image lists them. */
class FlattenMapperTest {

  private static Arguments row(String rule, Map<String, String> expected, Tars... baseFirst) {
    return Arguments.of(rule, expected, baseFirst);
  }

  static Stream<Arguments> layerings() {
    return Stream.of(
        row(
            "later layers win",
            Map.of("a", "new", "b", "base"),
            Tars.builder().file("a", "old").file("b", "base"),
            Tars.builder().file("a", "new")),
        row(
            "a whiteout removes a file and a directory tree",
            Map.of("keep", "3"),
            Tars.builder().dir("d").file("d/x", "1").file("f", "2").file("keep", "3"),
            Tars.builder().file(".wh.d", "").file(".wh.f", "")),
        row(
            "a whiteout does not hide what upper layers add",
            Map.of("f", "recreated"),
            Tars.builder().file("f", "base"),
            Tars.builder().file(".wh.f", ""),
            Tars.builder().file("f", "recreated")),
        row(
            "an opaque directory hides lower content but keeps its own",
            Map.of("etc", "", "etc/new", "3"),
            Tars.builder().dir("etc").file("etc/old", "1").file("etc/sub/deep", "2"),
            Tars.builder().dir("etc").file("etc/.wh..wh..opq", "").file("etc/new", "3")),
        row(
            "an opaque marker at the root hides every lower layer",
            Map.of("upper", "2"),
            Tars.builder().file("lower", "1"),
            Tars.builder().file("./.wh..wh..opq", "").file("upper", "2")),
        row(
            "a file hides a lower directory of the same name",
            Map.of("x", "now a file"),
            Tars.builder().dir("x").file("x/inside", "1"),
            Tars.builder().file("x", "now a file")),
        row(
            "paths are cleaned",
            Map.of("a/c", "2"),
            Tars.builder().file("./a//b/../c", "1"),
            Tars.builder().file("a/c", "2")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layerings")
  void flatteningFollowsTheLayerRules(String rule, Map<String, String> expected, Tars[] baseFirst)
      throws IOException {
    byte[][] layers = Arrays.stream(baseFirst).map(Tars::build).toArray(byte[][]::new);

    assertEquals(expected, flatten(layers));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"../../etc/passwd", "..", "a/../../b", "/etc/passwd", "\\windows", "C:/x"})
  void pathsLeavingTheRootFailTheStream(String bad) {
    byte[] layer = Tars.builder().file("fine", "1").file(bad, "evil").build();

    UnsafeArchivePathException e =
        assertThrows(UnsafeArchivePathException.class, () -> flatten(layer));
    assertEquals(bad, e.path());
  }

  @ParameterizedTest
  @CsvSource({
    "a/link, ../../outside, false",
    "a/link, ../inside, true",
    "link, /absolute/is/inside/the/image, true",
    "a/b/link, ../../c, true"
  })
  void symlinksLeavingTheRootAreDropped(String name, String target, boolean kept)
      throws IOException {
    Map<String, String> fs = flatten(Tars.builder().symlink(name, target).build());

    assertEquals(kept, fs.containsKey(name));
  }

  @ParameterizedTest
  @CsvSource({"a/b/h, ../../etc/shadow", "x, /etc/passwd", "h, ../h", "h, a/../../b"})
  void hardLinksWhoseTargetLeavesTheRootFailTheStream(String name, String target) {
    byte[] layer = Tars.builder().file("etc/shadow", "s").hardLink(name, target).build();

    UnsafeArchivePathException e =
        assertThrows(UnsafeArchivePathException.class, () -> flatten(layer));
    assertEquals(name, e.path());
  }

  @Test
  void hardLinkTargetsAreResolvedFromTheRootNotTheLinksDirectory() throws IOException {
    Map<String, String> fs =
        flatten(Tars.builder().file("etc/shadow", "s").hardLink("a/b/h", "etc/shadow").build());

    assertTrue(fs.containsKey("a/b/h"));
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void aWhiteoutNeverHidesAFileOfItsOwnLayer(boolean whiteoutFirst) throws IOException {
    Tars upper =
        whiteoutFirst
            ? Tars.builder().file(".wh.f", "").file("f", "upper")
            : Tars.builder().file("f", "upper").file(".wh.f", "");
    byte[] lower = Tars.builder().file("f", "lower").file("g", "kept").build();

    assertEquals(Map.of("f", "upper", "g", "kept"), flatten(lower, upper.build()));
  }

  @Test
  void aWhiteoutInTheSameLayerAsAFileStillHidesLowerLayers() throws IOException {
    byte[] lower = Tars.builder().dir("d").file("d/old", "1").build();
    byte[] upper = Tars.builder().file(".wh.d", "").dir("d").file("d/new", "2").build();

    assertEquals(Map.of("d", "", "d/new", "2"), flatten(lower, upper));
  }

  @ParameterizedTest
  @CsvSource({"a/./b, a/b", "a//b/, a/b", "./, .", "a/.., .", "../a, ../a", "/../a, /a", "'', ."})
  void cleanMatchesPosixLexicalRules(String in, String out) {
    assertEquals(out, ArchivePaths.clean(in));
  }

  /** The flattened filesystem of layers given base first. */
  static Map<String, String> flatten(byte[]... baseFirst) throws IOException {
    List<byte[]> topFirst = new ArrayList<>(Arrays.asList(baseFirst));
    Collections.reverse(topFirst);
    List<RewrittenTar.Source> sources = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (byte[] layer : topFirst) {
      names.add("layer " + (names.size() + 1) + " from the top");
      sources.add(new RewrittenTar.Source(() -> new ByteArrayInputStream(layer), "layer"));
    }
    try (InputStream out = RewrittenTar.stream(sources, new FlattenMapper(names))) {
      return Tars.contents(out);
    }
  }
}
