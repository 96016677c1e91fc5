package dev.containerregistry.v1.mutate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TarFormatTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a.txt",
        "dir/sub/file",
        "one-hundred-characters-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            + "xxxxxxxxxxxxxxxxxxxxx",
        "a-directory-name-that-goes-into-the-prefix-field-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            + "xxxxxxxxxxxxxxxxxxxx/file",
        "a-name-with-no-slash-that-needs-a-pax-path-record-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            + "xxxxxxxxxxxxxxxxxxxxxxx",
        "ünïcödé/名前.txt"
      })
  void namesSurviveWritingAndReading(String name) throws IOException {
    byte[] tar = Tars.builder().file(name, "hello").build();

    assertEquals(Map.of(name, "hello"), Tars.contents(tar));
  }

  @Test
  void largeIdsLongLinksAndExactTimesGoThroughPax() throws IOException {
    String target = "t/".repeat(80) + "target";
    Instant exact = Instant.parse("2021-03-04T05:06:07.123456789Z");
    TarEntry entry =
        new TarEntry(
            "link",
            TarEntry.TYPE_SYMLINK,
            0777,
            3_000_000,
            4_000_000,
            "a-user-name-longer-than-32-bytes-xx",
            "grp",
            0,
            exact,
            target,
            0,
            0,
            Map.of("SCHILY.xattr.user.k", "v"));
    byte[] tar = Tars.builder().entry(entry, new byte[0]).build();

    TarEntry read = Tars.list(new ByteArrayInputStream(tar)).get(0).entry();

    assertEquals(entry, read);
  }

  @Test
  void timesBeforeTheEpochAndGoZeroTime() throws IOException {
    Instant before = Instant.parse("1960-01-01T00:00:00.5Z");
    TarEntry old = Tars.entry("old", TarEntry.TYPE_REGULAR, 0644, 0, "", before);
    TarEntry zero =
        Tars.entry(
            "zero", TarEntry.TYPE_REGULAR, 0644, 0, "", Instant.parse("0001-01-01T00:00:00Z"));
    byte[] tar = Tars.builder().entry(old, new byte[0]).entry(zero, new byte[0]).build();

    List<Tars.Listed> read = Tars.list(new ByteArrayInputStream(tar));

    assertEquals(before, read.get(0).entry().modTime());
    assertEquals(Instant.EPOCH, read.get(1).entry().modTime());
  }

  @Test
  void readsGnuLongNamesAndBase256Sizes() throws IOException {
    String longName = "gnu/" + "n".repeat(150);
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    byte[] nameBytes = (longName + "\0").getBytes(StandardCharsets.US_ASCII);
    tar.writeBytes(gnuHeader("././@LongLink", 'L', nameBytes.length, false));
    tar.writeBytes(nameBytes);
    tar.writeBytes(new byte[UstarBlock.padding(nameBytes.length)]);
    tar.writeBytes(gnuHeader(longName.substring(0, 100), '0', 3, true));
    tar.writeBytes("abc".getBytes(StandardCharsets.US_ASCII));
    tar.writeBytes(new byte[UstarBlock.padding(3) + 2 * UstarBlock.SIZE]);

    assertEquals(Map.of(longName, "abc"), Tars.contents(tar.toByteArray()));
  }

  @Test
  void headerOnlyTypesCarryNoContent() throws IOException {
    byte[] tar = Tars.builder().dir("d/").symlink("d/l", "../x").file("d/f", "data").build();

    List<Tars.Listed> read = Tars.list(new ByteArrayInputStream(tar));

    assertEquals(List.of("d/", "d/l", "d/f"), read.stream().map(l -> l.entry().name()).toList());
    assertEquals("../x", read.get(1).entry().linkName());
    assertEquals("data", read.get(2).content());
  }

  @Test
  void refusesABadChecksum() {
    byte[] tar = Tars.builder().file("f", "x").build();
    tar[0] ^= 1;

    IOException e = assertThrows(IOException.class, () -> Tars.contents(tar));
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
  }

  @Test
  void refusesATruncatedArchive() {
    byte[] tar = Tars.builder().file("f", "x".repeat(1000)).build();
    byte[] cut = Arrays.copyOf(tar, 700);

    EOFException e = assertThrows(EOFException.class, () -> Tars.contents(cut));
    assertTrue(e.getMessage().contains("\"f\""), e.getMessage());
  }

  @Test
  void anArchiveWithoutEndMarkerEndsCleanly() throws IOException {
    byte[] tar = Tars.builder().file("f", "x").build();
    byte[] noMarker = Arrays.copyOf(tar, tar.length - 2 * UstarBlock.SIZE);

    assertEquals(Map.of("f", "x"), Tars.contents(noMarker));
  }

  @Test
  void identityRewriteReproducesTheArchive() throws IOException {
    byte[] tar = Tars.builder().dir("d/").file("d/f", "x".repeat(700)).symlink("l", "d/f").build();

    byte[] rewritten =
        new TarRewriteStream(
                List.of(new TarRewriteStream.Source(() -> new ByteArrayInputStream(tar), "t")),
                Optional::of)
            .readAllBytes();

    assertArrayEquals(tar, rewritten);
  }

  @Test
  void rewriteCanDropEntriesAndConcatenateSources() throws IOException {
    byte[] first = Tars.builder().file("a", "1").file("drop-me", "2").build();
    byte[] second = Tars.builder().file("b", "3").build();

    byte[] joined =
        new TarRewriteStream(
                List.of(
                    new TarRewriteStream.Source(() -> new ByteArrayInputStream(first), "1"),
                    new TarRewriteStream.Source(() -> new ByteArrayInputStream(second), "2")),
                e -> e.name().equals("drop-me") ? Optional.empty() : Optional.of(e))
            .readAllBytes();

    assertEquals(Map.of("a", "1", "b", "3"), Tars.contents(joined));
  }

  private static byte[] gnuHeader(String name, char type, long size, boolean base256Size) {
    byte[] block = new byte[UstarBlock.SIZE];
    UstarBlock.putString(block, UstarBlock.NAME, name);
    UstarBlock.putOctal(block, UstarBlock.MODE, 0644);
    UstarBlock.putOctal(block, UstarBlock.UID, 0);
    UstarBlock.putOctal(block, UstarBlock.GID, 0);
    if (base256Size) {
      block[UstarBlock.FILE_SIZE.offset()] = (byte) 0x80;
      block[UstarBlock.FILE_SIZE.offset() + UstarBlock.FILE_SIZE.length() - 1] = (byte) size;
    } else {
      UstarBlock.putOctal(block, UstarBlock.FILE_SIZE, size);
    }
    UstarBlock.putOctal(block, UstarBlock.MOD_TIME, 0);
    block[UstarBlock.TYPE_FLAG] = (byte) type;
    UstarBlock.putString(block, UstarBlock.MAGIC, "ustar ");
    UstarBlock.putString(block, UstarBlock.VERSION, " ");
    UstarBlock.putChecksum(block);
    return block;
  }
}
