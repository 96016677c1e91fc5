package dev.containerregistry.v1.partial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.IoSupplier;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LayerAdaptersTest {

  private static byte[] content(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    for (int i = 0; i < size / 2; i++) {
      bytes[i] = (byte) (i % 7);
    }
    return bytes;
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(InputStream in) throws IOException {
    try (InputStream gz = new GZIPInputStream(in)) {
      return gz.readAllBytes();
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  /** Serves the same bytes on every open and counts the opens. */
  private static final class CountingOpener implements IoSupplier<InputStream> {
    private final byte[] bytes;
    private final AtomicInteger opens = new AtomicInteger();

    CountingOpener(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public InputStream get() {
      opens.incrementAndGet();
      return new ByteArrayInputStream(bytes);
    }

    int opens() {
      return opens.get();
    }
  }

  private static Layer compressed(byte[] blob, MediaType mediaType, CountingOpener opener) {
    return Partial.compressedLayer(Hash.sha256(blob), blob.length, mediaType, opener);
  }

  private static Layer uncompressed(byte[] tar, CountingOpener opener) {
    return Partial.uncompressedLayer(Hash.sha256(tar), MediaType.OCI_LAYER, opener);
  }

  @Test
  void compressedLayerDerivesItsDiffIdOnceByGunzip() throws IOException {
    byte[] tar = content(100_000);
    byte[] blob = gzip(tar);
    CountingOpener opener = new CountingOpener(blob);
    Layer layer = compressed(blob, MediaType.OCI_LAYER, opener);
    assertEquals(Hash.sha256(tar), layer.diffId());
    assertEquals(Hash.sha256(tar), layer.diffId());
    assertEquals(1, opener.opens());
    assertArrayEquals(tar, readAll(layer.uncompressed()));
    assertArrayEquals(blob, readAll(layer.compressed()));
    assertEquals(blob.length, layer.size());
  }

  @Test
  void readingTheUncompressedStreamSettlesTheDiffId() throws IOException {
    byte[] tar = content(5_000);
    byte[] blob = gzip(tar);
    CountingOpener opener = new CountingOpener(blob);
    Layer layer = compressed(blob, MediaType.DOCKER_LAYER, opener);
    readAll(layer.uncompressed());
    assertEquals(Hash.sha256(tar), layer.diffId());
    assertEquals(1, opener.opens());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 1000, 300_000})
  void uncompressedLayerGzipsToAValidStreamWhoseDigestIsComputedOnce(int size) throws IOException {
    byte[] tar = content(size);
    CountingOpener opener = new CountingOpener(tar);
    Layer layer = uncompressed(tar, opener);
    Hash digest = layer.digest();
    long compressedSize = layer.size();
    assertEquals(1, opener.opens());
    byte[] compressed = readAll(layer.compressed());
    assertEquals(Hash.sha256(compressed), digest);
    assertEquals(compressed.length, compressedSize);
    assertArrayEquals(tar, gunzip(new ByteArrayInputStream(compressed)));
    assertEquals(Hash.sha256(tar), layer.diffId());
  }

  @Test
  void readingTheCompressedStreamFirstSparesASecondPass() throws IOException {
    byte[] tar = content(50_000);
    CountingOpener opener = new CountingOpener(tar);
    Layer layer = uncompressed(tar, opener);
    byte[] compressed = readAll(layer.compressed());
    assertEquals(Hash.sha256(compressed), layer.digest());
    assertEquals(compressed.length, layer.size());
    assertEquals(1, opener.opens());
  }

  @Test
  void staticLayerFromTarIsDeterministic() throws IOException {
    byte[] tar = content(20_000);
    StaticLayer a = StaticLayer.fromTar(tar, MediaType.OCI_LAYER);
    StaticLayer b = StaticLayer.fromTar(tar, MediaType.OCI_LAYER);
    assertEquals(a.digest(), b.digest());
    assertEquals(Hash.sha256(tar), a.diffId());
    assertArrayEquals(tar, readAll(a.uncompressed()));
    assertEquals(a.digest(), Hash.sha256(readAll(a.compressed())));
  }

  @Test
  void staticLayerOfABlobComputesTheDiffIdFromItsContent() throws IOException {
    byte[] tar = content(3_000);
    StaticLayer layer = StaticLayer.of(gzip(tar), MediaType.DOCKER_LAYER);
    assertEquals(Hash.sha256(tar), layer.diffId());
    assertEquals(MediaType.DOCKER_LAYER, layer.mediaType());
  }

  @Test
  void plainBlobsArePassedThroughUncompressed() throws IOException {
    byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
    StaticLayer layer = StaticLayer.of(json, MediaType.OCI_EMPTY_JSON);
    assertArrayEquals(json, readAll(layer.uncompressed()));
    assertEquals(layer.digest(), layer.diffId());
  }

  @Test
  void withMediaTypeChangesOnlyTheMediaTypeAndReadsNothingUntilAsked() throws IOException {
    byte[] tar = content(4_000);
    byte[] blob = gzip(tar);
    CountingOpener opener = new CountingOpener(blob);
    Layer layer = compressed(blob, MediaType.OCI_LAYER, opener);

    Layer foreign = Partial.withMediaType(layer, MediaType.DOCKER_FOREIGN_LAYER);

    assertEquals(MediaType.DOCKER_FOREIGN_LAYER, foreign.mediaType());
    assertEquals(MediaType.OCI_LAYER, layer.mediaType());
    assertEquals(0, opener.opens());
    assertEquals(layer.digest(), foreign.digest());
    assertEquals(blob.length, foreign.size());
    assertEquals(Hash.sha256(tar), foreign.diffId());
    assertArrayEquals(blob, readAll(foreign.compressed()));
    assertArrayEquals(tar, readAll(foreign.uncompressed()));
  }

  @Test
  void zstdBlobsAreRefusedWithAClearMessage() {
    byte[] zstd = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0};
    StaticLayer layer = StaticLayer.of(zstd, MediaType.OCI_LAYER_ZSTD);
    IOException e = assertThrows(IOException.class, layer::uncompressed);
    assertTrue(e.getMessage().contains("zstd"), e.getMessage());
    assertTrue(e.getMessage().contains(layer.digest().toString()), e.getMessage());
  }
}
