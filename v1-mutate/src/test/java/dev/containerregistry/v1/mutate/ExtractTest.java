package dev.containerregistry.v1.mutate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.empty.Empty;
import dev.containerregistry.v1.partial.StaticLayer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractTest {

  private static Layer layer(Tars tar) {
    return StaticLayer.fromTar(tar.build(), MediaType.DOCKER_LAYER);
  }

  @Test
  void flattensLayersWithWhiteoutsAndOpaqueDirectories() throws IOException {
    Image image =
        Mutate.appendLayers(
            Empty.image(),
            layer(
                Tars.builder()
                    .dir("etc")
                    .file("etc/passwd", "root")
                    .file("etc/hosts", "old")
                    .dir("var")
                    .file("var/cache", "x")
                    .file("tmp-file", "t")),
            layer(Tars.builder().file("etc/hosts", "new").file(".wh.tmp-file", "")),
            layer(Tars.builder().dir("var").file("var/.wh..wh..opq", "").file("var/log", "l")));

    try (InputStream tar = Mutate.extract(image)) {
      assertEquals(
          Map.of("var", "", "var/log", "l", "etc/hosts", "new", "etc", "", "etc/passwd", "root"),
          Tars.contents(tar));
    }
  }

  @Test
  void anEntryLeavingTheRootFailsTheStream() throws IOException {
    Image image =
        Mutate.appendLayers(
            Empty.image(),
            layer(Tars.builder().file("ok", "1").file("../../etc/passwd", "x")),
            layer(Tars.builder().file("fine", "2")));

    try (InputStream tar = Mutate.extract(image)) {
      UnsafeArchivePathException e =
          assertThrows(UnsafeArchivePathException.class, () -> Tars.contents(tar));
      assertEquals("../../etc/passwd", e.path());
      assertEquals(
          "extracting layer 1 of 2: refusing the entry \"../../etc/passwd\", whose path leads"
              + " outside the root",
          e.getMessage());
    }
  }

  @Test
  void theEmptyImageExtractsToAnEmptyArchive() throws IOException {
    try (InputStream tar = Mutate.extract(Empty.image())) {
      assertEquals(Map.of(), Tars.contents(tar));
    }
  }
}
