package dev.containerregistry.v1.tarball;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.name.Tag;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.tar.TarEntry;
import dev.containerregistry.v1.tar.TarReader;
import dev.containerregistry.v1.tar.TarWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tarballs that point outside themselves or hide blobs behind links are refused. */
class HostileTarballTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"../x", "a/../../x", "/etc/passwd"})
  void aManifestJsonNamingAPathOutsideTheArchiveIsRefused(String path) throws IOException {
    Path file = dir.resolve("evil.tar");
    try (OutputStream out = Files.newOutputStream(file);
        TarWriter tar = new TarWriter(out)) {
      TarballTest.file(
          tar,
          "manifest.json",
          ("[{\"Config\":\"c.json\",\"RepoTags\":[\"x:y\"],\"Layers\":[\"" + path + "\"]}]")
              .getBytes(StandardCharsets.UTF_8));
    }

    UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class, () -> Tarball.open(file));

    assertTrue(e.getMessage().contains("\"" + path + "\""), e.getMessage());
  }

  @Test
  void aBlobStoredAsASymbolicLinkIsRefused() throws IOException {
    Image image = Randoms.image(1024, 1);
    Path good = dir.resolve("good.tar");
    Tarball.write(Tag.parse("x:y"), image, Files.newOutputStream(good));
    String layer = "blobs/sha256/" + image.layers().get(0).digest().hex();
    Path evil = dir.resolve("evil.tar");
    try (InputStream in = Files.newInputStream(good);
        OutputStream out = Files.newOutputStream(evil);
        TarWriter tar = new TarWriter(out)) {
      TarReader reader = new TarReader(in, good.toString());
      for (TarEntry e; (e = reader.next()) != null; ) {
        if (e.name().equals(layer)) {
          tar.write(TarEntry.builder(layer, TarEntry.Type.SYMLINK).linkName("/etc/passwd").build());
        } else {
          tar.write(e, reader.content());
        }
      }
    }

    UnsafeArchiveException e =
        assertThrows(
            UnsafeArchiveException.class,
            () -> {
              try (InputStream in = Tarball.open(evil).image(0).layers().get(0).compressed()) {
                in.transferTo(OutputStream.nullOutputStream());
              }
            });

    assertTrue(e.getMessage().contains("SYMLINK to /etc/passwd"), e.getMessage());
  }

  @Test
  void aBlobWhoseBytesDoNotMatchItsNameFailsWhenRead() throws IOException {
    Image image = Randoms.image(1024, 1);
    Path good = dir.resolve("good.tar");
    Tarball.write(Tag.parse("x:y"), image, Files.newOutputStream(good));
    String layer = "blobs/sha256/" + image.layers().get(0).digest().hex();
    Path evil = dir.resolve("evil.tar");
    try (InputStream in = Files.newInputStream(good);
        OutputStream out = Files.newOutputStream(evil);
        TarWriter tar = new TarWriter(out)) {
      TarReader reader = new TarReader(in, good.toString());
      for (TarEntry e; (e = reader.next()) != null; ) {
        byte[] content = reader.content().readAllBytes();
        if (e.name().equals(layer)) {
          content[content.length - 1] ^= 1;
        }
        tar.write(e, content);
      }
    }

    IOException e =
        assertThrows(
            IOException.class,
            () -> {
              try (InputStream in = Tarball.open(evil).image(0).layers().get(0).compressed()) {
                in.transferTo(OutputStream.nullOutputStream());
              }
            });

    assertTrue(
        e.getMessage().contains("not the " + image.layers().get(0).digest()), e.getMessage());
  }
}
