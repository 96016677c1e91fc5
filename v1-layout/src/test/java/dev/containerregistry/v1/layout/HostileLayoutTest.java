package dev.containerregistry.v1.layout;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.random.Randoms;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Layouts tampered with after they were written: each is refused with an error that says why. */
class HostileLayoutTest {

  @TempDir Path dir;
  @TempDir Path outside;

  @ParameterizedTest
  @ValueSource(strings = {"sha256:../../../etc/passwd", "sha256/../../outside", "md5:abc"})
  void anIndexNamingABlobOutsideBlobsIsRefused(String digest) throws IOException {
    Layout.create(dir);
    Files.writeString(
        dir.resolve("index.json"),
        "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
            + "\"application/vnd.oci.image.manifest.v1+json\",\"size\":2,\"digest\":\""
            + digest
            + "\",\"annotations\":{\"org.opencontainers.image.ref.name\":\"x\"}}]}");

    IOException e = assertThrows(IOException.class, () -> Layout.open(dir));

    assertTrue(e.getMessage().contains("index.json is not a valid index"), e.getMessage());
  }

  @Test
  void aBlobThatIsASymbolicLinkIsRefused() throws IOException {
    Image image = Randoms.image(512, 1);
    Layout.create(dir).append(image, AppendOptions.refName("x"));
    Path config = blobPath(image.configName());
    Path elsewhere = Files.write(outside.resolve("config"), image.rawConfigFile());
    Files.delete(config);
    Files.createSymbolicLink(config, elsewhere);

    IOException e =
        assertThrows(IOException.class, () -> Layout.open(dir).image("x").rawConfigFile());

    assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    assertTrue(e.getMessage().contains(image.configName().toString()), e.getMessage());
  }

  @Test
  void aBlobDirectoryThatIsASymbolicLinkIsRefused() throws IOException {
    Image image = Randoms.image(512, 1);
    Layout.create(dir).append(image, AppendOptions.refName("x"));
    Path moved = Files.move(dir.resolve("blobs/sha256"), outside.resolve("blobs"));
    Files.createSymbolicLink(dir.resolve("blobs/sha256"), moved);

    IOException e = assertThrows(IOException.class, () -> Layout.open(dir).image("x"));

    assertTrue(e.getMessage().contains("is a symbolic link: refused"), e.getMessage());
  }

  @Test
  void aLayerWhoseBytesWereChangedFailsAtTheEndOfItsStream() throws IOException {
    Image image = Randoms.image(4096, 1);
    Layout.create(dir).append(image, AppendOptions.refName("x"));
    Hash layer = image.layers().get(0).digest();
    byte[] bytes = Files.readAllBytes(blobPath(layer));
    bytes[bytes.length / 2] ^= 1;
    Files.write(blobPath(layer), bytes);

    Image back = Layout.open(dir).image("x");
    IOException e =
        assertThrows(
            IOException.class,
            () -> {
              try (InputStream in = back.layers().get(0).compressed()) {
                in.transferTo(OutputStreamSink.INSTANCE);
              }
            });

    assertTrue(e.getMessage().contains("not the " + layer), e.getMessage());
  }

  @Test
  void aManifestWhoseBytesWereChangedIsRefusedBeforeUse() throws IOException {
    Image image = Randoms.image(512, 1);
    Layout.create(dir).append(image, AppendOptions.refName("x"));
    Files.writeString(blobPath(image.digest()), "{\"schemaVersion\":2}", StandardCharsets.UTF_8);

    IOException e = assertThrows(IOException.class, () -> Layout.open(dir).image("x"));

    assertTrue(e.getMessage().contains("not the " + image.digest()), e.getMessage());
  }

  private Path blobPath(Hash digest) {
    return dir.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
  }

  /** Discards what is written. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
