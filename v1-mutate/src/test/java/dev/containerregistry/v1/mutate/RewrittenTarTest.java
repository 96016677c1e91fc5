package dev.containerregistry.v1.mutate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RewrittenTarTest {

  @Test
  void identityRewriteReproducesTheArchive() throws IOException {
    byte[] tar = Tars.builder().dir("d/").file("d/f", "x".repeat(700)).symlink("l", "d/f").build();

    byte[] rewritten =
        RewrittenTar.stream(
                List.of(new RewrittenTar.Source(() -> new ByteArrayInputStream(tar), "t")),
                Optional::of)
            .readAllBytes();

    assertArrayEquals(tar, rewritten);
  }

  @Test
  void rewriteCanDropEntriesAndConcatenateSources() throws IOException {
    byte[] first = Tars.builder().file("a", "1").file("drop-me", "2").build();
    byte[] second = Tars.builder().file("b", "3").build();

    byte[] joined =
        RewrittenTar.stream(
                List.of(
                    new RewrittenTar.Source(() -> new ByteArrayInputStream(first), "1"),
                    new RewrittenTar.Source(() -> new ByteArrayInputStream(second), "2")),
                e -> e.name().equals("drop-me") ? Optional.empty() : Optional.of(e))
            .readAllBytes();

    assertEquals(Map.of("a", "1", "b", "3"), Tars.contents(joined));
  }
}
