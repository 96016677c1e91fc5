package dev.containerregistry.v1.tar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TarStreamTest {

  @Test
  void contentIsOpenedOnlyWhenTheArchiveReachesItAndClosedAfter() throws IOException {
    List<String> events = new ArrayList<>();
    TarEntry a = TarEntry.builder("a", TarEntry.Type.REGULAR).size(600).build();
    TarEntry b = TarEntry.builder("b", TarEntry.Type.REGULAR).size(3).build();
    List<TarMember> members =
        List.of(
            new TarMember(a, () -> recorded(events, "a", new byte[600])),
            new TarMember(b, () -> recorded(events, "b", "xyz".getBytes(StandardCharsets.UTF_8))));

    try (TarStream tar = TarStream.of(members)) {
      tar.readNBytes(UstarBlock.SIZE);
      assertEquals(List.of(), events);
      tar.readNBytes(600);
      assertEquals(List.of("open a"), events);
      tar.readAllBytes();
      assertEquals(List.of("open a", "close a", "open b", "close b"), events);
    }
  }

  @Test
  void theWriterAndTheStreamProduceTheSameBytes() throws IOException {
    TarEntry dir = TarEntry.builder("d/", TarEntry.Type.DIRECTORY).build();
    byte[] data = "x".repeat(700).getBytes(StandardCharsets.UTF_8);
    TarEntry file = TarEntry.builder("d/" + "long".repeat(40), TarEntry.Type.REGULAR).build();

    ByteArrayOutputStream written = new ByteArrayOutputStream();
    try (TarWriter writer = new TarWriter(written)) {
      writer.write(dir);
      writer.write(file, data);
    }
    byte[] streamed = TarFormatTest.tar(TarMember.of(dir), TarMember.of(file, data));

    assertArrayEquals(streamed, written.toByteArray());
    assertEquals(
        Map.of("d/", "", "d/" + "long".repeat(40), "x".repeat(700)),
        TarFormatTest.contents(streamed));
  }

  @Test
  void contentShorterThanTheHeaderSaysFails() {
    TarEntry entry = TarEntry.builder("short", TarEntry.Type.REGULAR).size(10).build();
    TarStream tar =
        TarStream.of(List.of(new TarMember(entry, () -> new ByteArrayInputStream(new byte[4]))));

    IOException e = assertThrows(IOException.class, tar::readAllBytes);
    assertEquals(
        "writing tar entry \"short\": its content ended after 4 of 10 bytes", e.getMessage());
  }

  @Test
  void contentLongerThanTheHeaderSaysFails() {
    TarEntry entry = TarEntry.builder("grew", TarEntry.Type.REGULAR).size(2).build();

    assertThrows(
        IOException.class,
        () ->
            new TarWriter(OutputStream.nullOutputStream())
                .write(entry, new ByteArrayInputStream(new byte[] {1, 2, 3})));
  }

  private static InputStream recorded(List<String> events, String name, byte[] content) {
    events.add("open " + name);
    return new ByteArrayInputStream(content) {
      @Override
      public void close() {
        events.add("close " + name);
      }
    };
  }
}
