package dev.containerregistry.v1.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.IndexManifest;
import dev.containerregistry.v1.MalformedDocumentException;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Platform;
import dev.containerregistry.v1.remote.transport.Transports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * What reaches the destination of a copy: the source's own images and indexes when the source is
 * sound, nothing at all when any manifest of its tree is bad.
 */
class CopierTest {

  private static final Platform AMD64 = Platform.of("linux", "amd64");
  private static final TestImage IMAGE = TestImage.of("copy test", AMD64);

  @AutoClose private final TestRegistry registry = TestRegistry.start();
  private final Copier copier =
      new Copier(Puller.over(Transports.http(), ProgressTracker.of(RemoteOptions.defaults())));
  private final RecordingDestination destination = new RecordingDestination();

  @Test
  void handsTheSourceImageToTheDestination() throws IOException {
    IMAGE.serve(registry, "test/app", "1");
    copier.copy(registry.ref("test/app:1"), destination);
    assertEquals(List.of("image " + IMAGE.digest()), destination.written);
  }

  @Test
  void handsTheSourceIndexToTheDestinationAfterCheckingEveryChild() throws IOException {
    IMAGE.serve(registry, "test/app", "1");
    byte[] index = index(IMAGE.manifest().length, IMAGE.digest());
    registry.manifest("test/app", "multi", MediaType.OCI_IMAGE_INDEX, index);
    copier.copy(registry.ref("test/app:multi"), destination);
    assertEquals(List.of("index " + Hash.sha256(index)), destination.written);
    assertTrue(registry.requests().contains("GET /v2/test/app/manifests/" + IMAGE.digest()));
  }

  @Test
  void writesNothingWhenTheSourceDoesNotHashToItsDigest() {
    Hash claimed = Hash.sha256("other".getBytes(StandardCharsets.UTF_8));
    registry.manifest("test/app", claimed.toString(), MediaType.OCI_MANIFEST, IMAGE.manifest());
    assertThrows(
        VerificationException.class,
        () -> copier.copy(registry.ref("test/app@" + claimed), destination));
    assertEquals(List.of(), destination.written);
  }

  @Test
  void writesNothingWhenAChildOfTheIndexIsMissing() {
    registry.manifest(
        "test/app",
        "multi",
        MediaType.OCI_IMAGE_INDEX,
        index(IMAGE.manifest().length, IMAGE.digest()));
    IOException e =
        assertThrows(
            IOException.class, () -> copier.copy(registry.ref("test/app:multi"), destination));
    assertTrue(e.getMessage().contains("404"), e.getMessage());
    assertEquals(List.of(), destination.written);
  }

  @Test
  void writesNothingWhenAChildOfTheIndexIsMalformed() {
    byte[] broken = "{\"schemaVersion\":2,\"config\":42}".getBytes(StandardCharsets.UTF_8);
    Hash brokenDigest = Hash.sha256(broken);
    registry.manifest("test/app", brokenDigest.toString(), MediaType.OCI_MANIFEST, broken);
    registry.manifest(
        "test/app", "multi", MediaType.OCI_IMAGE_INDEX, index(broken.length, brokenDigest));
    assertThrows(
        MalformedDocumentException.class,
        () -> copier.copy(registry.ref("test/app:multi"), destination));
    assertEquals(List.of(), destination.written);
  }

  @Test
  void writesNothingWhenTheIndexDeclaresAnotherSizeForAChild() {
    IMAGE.serve(registry, "test/app", "1");
    registry.manifest(
        "test/app",
        "multi",
        MediaType.OCI_IMAGE_INDEX,
        index(IMAGE.manifest().length + 1, IMAGE.digest()));
    VerificationException e =
        assertThrows(
            VerificationException.class,
            () -> copier.copy(registry.ref("test/app:multi"), destination));
    assertTrue(e.getMessage().contains("but the index declares"), e.getMessage());
    assertEquals(List.of(), destination.written);
  }

  @Test
  void fetchesEachDistinctChildOnceHoweverOftenIndexesListIt() throws IOException {
    IMAGE.serve(registry, "test/app", "1");
    Descriptor image =
        Descriptor.of(MediaType.OCI_MANIFEST, IMAGE.manifest().length, IMAGE.digest());
    byte[] inner = indexOf(java.util.Collections.nCopies(30, image));
    Hash innerDigest = Hash.sha256(inner);
    registry.manifest("test/app", innerDigest.toString(), MediaType.OCI_IMAGE_INDEX, inner);
    Descriptor innerChild = Descriptor.of(MediaType.OCI_IMAGE_INDEX, inner.length, innerDigest);
    registry.manifest(
        "test/app",
        "fan",
        MediaType.OCI_IMAGE_INDEX,
        indexOf(java.util.Collections.nCopies(30, innerChild)));

    copier.copy(registry.ref("test/app:fan"), destination);

    assertEquals(
        1,
        registry.requests().stream()
            .filter(r -> r.equals("GET /v2/test/app/manifests/" + innerDigest))
            .count());
    assertEquals(
        1,
        registry.requests().stream()
            .filter(r -> r.equals("GET /v2/test/app/manifests/" + IMAGE.digest()))
            .count());
  }

  @Test
  void refusesIndexesNestedDeeperThanTheLimit() {
    Descriptor child =
        Descriptor.of(MediaType.OCI_MANIFEST, IMAGE.manifest().length, IMAGE.digest());
    byte[] level = indexOf(List.of(child));
    for (int depth = 0; depth <= SourceVerifier.MAX_DEPTH; depth++) {
      Hash digest = Hash.sha256(level);
      registry.manifest("test/app", digest.toString(), MediaType.OCI_IMAGE_INDEX, level);
      level = indexOf(List.of(Descriptor.of(MediaType.OCI_IMAGE_INDEX, level.length, digest)));
    }
    registry.manifest("test/app", "deep", MediaType.OCI_IMAGE_INDEX, level);
    IOException e =
        assertThrows(
            IOException.class, () -> copier.copy(registry.ref("test/app:deep"), destination));
    assertTrue(e.getMessage().contains("levels deep"), e.getMessage());
    assertEquals(List.of(), destination.written);
  }

  private static byte[] indexOf(List<Descriptor> children) {
    return IndexManifest.builder()
        .mediaType(MediaType.OCI_IMAGE_INDEX)
        .manifests(children)
        .build()
        .toJson();
  }

  private static byte[] index(long childSize, Hash childDigest) {
    return IndexManifest.builder()
        .mediaType(MediaType.OCI_IMAGE_INDEX)
        .manifests(
            List.of(
                Descriptor.of(MediaType.OCI_MANIFEST, childSize, childDigest).withPlatform(AMD64)))
        .build()
        .toJson();
  }

  /** Notes what it is asked to write. */
  private static final class RecordingDestination implements Copier.Destination {
    final List<String> written = new ArrayList<>();

    @Override
    public void write(Image image) throws IOException {
      written.add("image " + image.digest());
    }

    @Override
    public void write(ImageIndex index) throws IOException {
      written.add("index " + index.digest());
    }
  }
}
