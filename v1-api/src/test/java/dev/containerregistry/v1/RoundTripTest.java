package dev.containerregistry.v1;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parse, write, compare: the canonical bytes of Go for every document we read. */
class RoundTripTest {

  /** Reads and writes one kind of document. */
  private interface Codec {
    byte[] roundTrip(byte[] json) throws MalformedDocumentException;
  }

  private static Codec codecFor(String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    if (name.startsWith("manifest-")) {
      return json -> Manifest.parse(json).toJson();
    }
    if (name.startsWith("index-")) {
      return json -> IndexManifest.parse(json).toJson();
    }
    return json -> ConfigFile.parse(json).toJson();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "canonical/manifest-go-docker.json",
        "canonical/manifest-every-field.json",
        "canonical/index-every-field.json",
        "canonical/index-empty.json",
        "canonical/config-every-field.json",
        "canonical/config-go-empty-image.json"
      })
  void canonicalDocumentsComeBackByteForByte(String file) throws Exception {
    byte[] original = Documents.read(file);
    assertEquals(
        new String(original, UTF_8), new String(codecFor(file).roundTrip(original), UTF_8));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "foreign/manifest-oci-spec.json",
        "foreign/manifest-oci-spec-artifact.json",
        "foreign/manifest-oci-digest-before-size.json",
        "foreign/manifest-docker-registry.json",
        "foreign/index-oci-spec.json",
        "foreign/index-oci-spec-nested.json",
        "foreign/index-docker-manifest-list.json",
        "foreign/config-oci-spec.json",
        "foreign/config-docker-legacy.json",
        "foreign/config-bazel.json",
        "foreign/config-created-first.json"
      })
  void foreignDocumentsAreWrittenInCanonicalFormLosingNoKnownField(String file) throws Exception {
    Codec codec = codecFor(file);
    byte[] canonical = codec.roundTrip(Documents.read(file));
    assertEquals(
        new String(canonical, UTF_8),
        new String(codec.roundTrip(canonical), UTF_8),
        "writing is idempotent");
    String expected = file.replace(".json", ".canonical.json");
    if (Documents.exists(expected)) {
      assertEquals(new String(Documents.read(expected), UTF_8), new String(canonical, UTF_8));
    }
  }
}
