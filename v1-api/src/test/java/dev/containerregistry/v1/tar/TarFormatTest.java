package dev.containerregistry.v1.tar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TarFormatTest {

  private static final Instant T0 = Instant.parse("2020-02-02T02:02:02Z");

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
    byte[] tar = tar(file(name, "hello"));

    assertEquals(Map.of(name, "hello"), contents(tar));
  }

  @Test
  void largeIdsLongLinksAndExactTimesGoThroughPax() throws IOException {
    String target = "t/".repeat(80) + "target";
    Instant exact = Instant.parse("2021-03-04T05:06:07.123456789Z");
    TarEntry entry =
        TarEntry.builder("link", TarEntry.Type.SYMLINK)
            .mode(0777)
            .owner(3_000_000, 4_000_000)
            .ownerNames("a-user-name-longer-than-32-bytes-xx", "grp")
            .modTime(exact)
            .linkName(target)
            .paxRecord("SCHILY.xattr.user.k", "v")
            .build();
    byte[] tar = tar(TarMember.of(entry));

    TarEntry read = list(tar).get(0).entry();

    assertEquals(entry, read);
  }

  @Test
  void timesBeforeTheEpochAndGoZeroTime() throws IOException {
    Instant before = Instant.parse("1960-01-01T00:00:00.5Z");
    TarEntry old = TarEntry.builder("old", TarEntry.Type.REGULAR).modTime(before).build();
    TarEntry zero =
        TarEntry.builder("zero", TarEntry.Type.REGULAR)
            .modTime(Instant.parse("0001-01-01T00:00:00Z"))
            .build();
    byte[] tar = tar(TarMember.of(old), TarMember.of(zero));

    List<Listed> read = list(tar);

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

    assertEquals(Map.of(longName, "abc"), contents(tar.toByteArray()));
  }

  @Test
  void headerOnlyTypesCarryNoContent() throws IOException {
    byte[] tar =
        tar(
            TarMember.of(TarEntry.builder("d/", TarEntry.Type.DIRECTORY).build()),
            TarMember.of(TarEntry.builder("d/l", TarEntry.Type.SYMLINK).linkName("../x").build()),
            file("d/f", "data"));

    List<Listed> read = list(tar);

    assertEquals(List.of("d/", "d/l", "d/f"), read.stream().map(l -> l.entry().name()).toList());
    assertEquals("../x", read.get(1).entry().linkName());
    assertEquals("data", read.get(2).content());
  }

  @Test
  void refusesABadChecksum() throws IOException {
    byte[] tar = tar(file("f", "x"));
    tar[0] ^= 1;

    assertThrows(MalformedTarException.class, () -> contents(tar));
  }

  @Test
  void refusesATruncatedArchive() throws IOException {
    byte[] tar = tar(file("f", "x".repeat(1000)));
    byte[] cut = Arrays.copyOf(tar, 700);

    EOFException e = assertThrows(EOFException.class, () -> contents(cut));
    assertTrue(e.getMessage().contains("\"f\""), e.getMessage());
  }

  @Test
  void anArchiveWithoutEndMarkerEndsCleanly() throws IOException {
    byte[] tar = tar(file("f", "x"));
    byte[] noMarker = Arrays.copyOf(tar, tar.length - 2 * UstarBlock.SIZE);

    assertEquals(Map.of("f", "x"), contents(noMarker));
  }

  static byte[] gnuHeader(String name, char type, long size, boolean base256Size) {
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

  static TarMember file(String name, String content) {
    return TarMember.of(
        TarEntry.builder(name, TarEntry.Type.REGULAR).modTime(T0).build(),
        content.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] tar(TarMember... members) throws IOException {
    try (TarStream tar = TarStream.of(List.of(members))) {
      return tar.readAllBytes();
    }
  }

  static Map<String, String> contents(byte[] tar) throws IOException {
    Map<String, String> all = new LinkedHashMap<>();
    for (Listed e : list(tar)) {
      all.put(e.entry().name(), e.content());
    }
    return all;
  }

  static List<Listed> list(byte[] tar) throws IOException {
    TarReader reader = new TarReader(new ByteArrayInputStream(tar), "test archive");
    List<Listed> all = new ArrayList<>();
    for (TarEntry e = reader.next(); e != null; e = reader.next()) {
      all.add(new Listed(e, new String(reader.content().readAllBytes(), StandardCharsets.UTF_8)));
    }
    return all;
  }

  record Listed(TarEntry entry, String content) {}
}
