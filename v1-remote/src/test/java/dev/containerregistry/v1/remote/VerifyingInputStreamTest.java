package dev.containerregistry.v1.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.Hash;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerifyingInputStreamTest {

  private static final byte[] CONTENT = "the blob content".getBytes(StandardCharsets.UTF_8);
  private static final Hash DIGEST = Hash.sha256(CONTENT);

  private static VerifyingInputStream verifying(byte[] served, long expectedSize) {
    return new VerifyingInputStream(
        new ByteArrayInputStream(served), DIGEST, expectedSize, "blob " + DIGEST + " of test/repo");
  }

  @ParameterizedTest(name = "expected size {0}")
  @CsvSource({"16", "-1"})
  void givesBackExactContentWhenSizeAndDigestMatch(long expectedSize) throws IOException {
    try (InputStream in = verifying(CONTENT, expectedSize)) {
      assertArrayEquals(CONTENT, in.readAllBytes());
      assertEquals(-1, in.read());
    }
  }

  @Test
  void readsByteByByte() throws IOException {
    try (InputStream in = verifying(CONTENT, CONTENT.length)) {
      for (byte b : CONTENT) {
        assertEquals(b & 0xff, in.read());
      }
      assertEquals(-1, in.read());
    }
  }

  @Test
  void refusesBytesBeyondTheDeclaredSizeAsSoonAsTheyArrive() throws IOException {
    byte[] longer = Arrays.copyOf(CONTENT, CONTENT.length + 1);
    try (InputStream in = verifying(longer, CONTENT.length)) {
      byte[] firstPart = in.readNBytes(CONTENT.length - 1);
      assertEquals(CONTENT.length - 1, firstPart.length);
      VerificationException e = assertThrows(VerificationException.class, in::readAllBytes);
      assertTrue(e.getMessage().contains("longer than the 16 bytes"), e.getMessage());
      assertEquals(DIGEST, e.expected());
      assertThrows(VerificationException.class, in::read, "the failure is not forgotten");
    }
  }

  @Test
  void refusesAShortStreamInsteadOfEndOfStream() throws IOException {
    byte[] shorter = Arrays.copyOf(CONTENT, CONTENT.length - 3);
    try (InputStream in = verifying(shorter, CONTENT.length)) {
      assertArrayEquals(shorter, in.readNBytes(shorter.length));
      VerificationException e = assertThrows(VerificationException.class, in::read);
      assertEquals(
          "blob " + DIGEST + " of test/repo ended after 13 bytes, but its descriptor declares 16",
          e.getMessage());
    }
  }

  @ParameterizedTest(name = "expected size {0}")
  @CsvSource({"16", "-1"})
  void refusesContentWithAnotherDigestInsteadOfEndOfStream(long expectedSize) throws IOException {
    byte[] corrupt = CONTENT.clone();
    corrupt[3] ^= 1;
    try (InputStream in = verifying(corrupt, expectedSize)) {
      assertArrayEquals(corrupt, in.readNBytes(corrupt.length));
      VerificationException e = assertThrows(VerificationException.class, in::read);
      assertTrue(e.getMessage().contains("not the expected " + DIGEST), e.getMessage());
      assertTrue(e.getMessage().contains(Hash.sha256(corrupt).toString()), e.getMessage());
      assertThrows(VerificationException.class, in::read, "the failure is not forgotten");
    }
  }

  @Test
  void skippedBytesAreStillVerified() throws IOException {
    byte[] corrupt = CONTENT.clone();
    corrupt[0] ^= 1;
    try (InputStream in = verifying(corrupt, CONTENT.length)) {
      assertEquals(4, in.skip(4));
      assertThrows(VerificationException.class, in::readAllBytes);
    }
  }

  @Test
  void transferToVerifiesToo() throws IOException {
    byte[] shorter = Arrays.copyOf(CONTENT, 2);
    try (InputStream in = verifying(shorter, CONTENT.length)) {
      assertThrows(
          VerificationException.class, () -> in.transferTo(OutputStream.nullOutputStream()));
    }
  }
}
