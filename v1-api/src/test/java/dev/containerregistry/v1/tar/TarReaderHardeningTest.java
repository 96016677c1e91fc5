package dev.containerregistry.v1.tar;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Crafted archives that once slipped through the reader: each must be refused as malformed. */
class TarReaderHardeningTest {

  @Test
  void aBase256SizeOfLongMaxValueIsRefusedNotSkippedAsNothing() throws IOException {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    byte[] header = TarFormatTest.gnuHeader("decoy", '0', 0, false);
    setBase256Size(header, Long.MAX_VALUE);
    tar.writeBytes(header);
    tar.writeBytes(TarFormatTest.tar(TarFormatTest.file("smuggled", "hidden from other readers")));

    assertThrows(MalformedTarException.class, () -> readAll(tar.toByteArray()));
  }

  @Test
  void aNegativeBase256SizeIsRefused() throws IOException {
    byte[] header = TarFormatTest.gnuHeader("negative", '0', 0, false);
    setBase256Size(header, -1024);
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    tar.writeBytes(header);
    tar.writeBytes(new byte[2 * UstarBlock.SIZE]);

    assertThrows(MalformedTarException.class, () -> readAll(tar.toByteArray()));
  }

  @Test
  void aNegativePaxSizeIsRefused() throws IOException {
    byte[] tar = paxThenFile(TarPax.encode(Map.of(TarPax.SIZE, "-5")), 1);

    assertThrows(MalformedTarException.class, () -> readAll(tar));
  }

  @Test
  void extendedHeadersHaveATotalCapAcrossSeveralPaxHeaders() throws IOException {
    byte[] records = TarPax.encode(Map.of("comment", "x".repeat(700 * 1024)));

    byte[] tar = paxThenFile(records, 2);

    assertThrows(MalformedTarException.class, () -> readAll(tar));
  }

  @Test
  void oneExtendedHeaderUnderTheCapIsRead() throws IOException {
    byte[] records = TarPax.encode(Map.of("comment", "x".repeat(700 * 1024)));

    byte[] tar = paxThenFile(records, 1);

    readAll(tar);
  }

  /** {@code copies} PAX headers holding {@code records}, then a file "f" and the end marker. */
  private static byte[] paxThenFile(byte[] records, int copies) throws IOException {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    for (int i = 0; i < copies; i++) {
      tar.writeBytes(TarFormatTest.gnuHeader("PaxHeaders.0/f", 'x', records.length, false));
      tar.writeBytes(records);
      tar.writeBytes(new byte[UstarBlock.padding(records.length)]);
    }
    tar.writeBytes(TarFormatTest.tar(TarFormatTest.file("f", "data")));
    return tar.toByteArray();
  }

  private static void setBase256Size(byte[] header, long size) {
    int end = UstarBlock.FILE_SIZE.offset() + UstarBlock.FILE_SIZE.length();
    long v = size;
    for (int i = end - 1; i > UstarBlock.FILE_SIZE.offset(); i--) {
      header[i] = (byte) v;
      v >>= 8;
    }
    header[UstarBlock.FILE_SIZE.offset()] = (byte) (size < 0 ? 0xff : 0x80);
    UstarBlock.putChecksum(header);
  }

  private static void readAll(byte[] tar) throws IOException {
    TarReader reader = new TarReader(new ByteArrayInputStream(tar), "crafted archive");
    for (TarEntry e = reader.next(); e != null; e = reader.next()) {
      reader.content().readAllBytes();
    }
  }
}
