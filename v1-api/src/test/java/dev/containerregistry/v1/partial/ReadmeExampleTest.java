package dev.containerregistry.v1.partial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Layer;
import dev.containerregistry.v1.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The custom layer of the module README, compiled and run. */
class ReadmeExampleTest {

  static final class FileBlob implements CompressedLayer {
    private final Path file;
    private final Hash.Sized hash;

    FileBlob(Path file) throws IOException {
      this.file = file;
      try (InputStream in = Files.newInputStream(file)) {
        this.hash = Hash.sha256(in);
      }
    }

    @Override
    public Hash digest() {
      return hash.hash();
    }

    @Override
    public long size() {
      return hash.size();
    }

    @Override
    public MediaType mediaType() {
      return MediaType.OCI_LAYER;
    }

    @Override
    public InputStream compressed() throws IOException {
      return Files.newInputStream(file);
    }
  }

  @Test
  void aFileOnDiskBecomesALayer(@TempDir Path dir) throws IOException {
    byte[] tar = new byte[2048];
    Path file = dir.resolve("app.tar.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(tar);
    }

    Layer layer = Partial.layer(new FileBlob(file));

    assertEquals(Hash.sha256(Files.readAllBytes(file)), layer.digest());
    assertEquals(Hash.sha256(tar), layer.diffId());
    assertEquals(Files.size(file), layer.size());
  }

  @Test
  void anOciLayoutIsAnIndex() throws IOException {
    Path layout = Path.of("src/test/resources/layout");
    var index =
        Partial.index(
            Files.readAllBytes(layout.resolve("index.json")),
            digest -> Files.newInputStream(layout.resolve("blobs/sha256/" + digest.hex())));
    assertEquals(4, index.indexManifest().manifests().size());
  }
}
