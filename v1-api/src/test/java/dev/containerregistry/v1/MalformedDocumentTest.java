package dev.containerregistry.v1;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad bytes are refused naming the document, the field and quoting the bad value. */
class MalformedDocumentTest {

  private static final String DIGEST =
      "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  /** The documents under test, by the name their refusals give. */
  enum Document {
    MANIFEST("image manifest", Manifest::parse),
    CONFIG("config file", ConfigFile::parse),
    INDEX("image index", IndexManifest::parse);

    /** Parses one kind of document. */
    @FunctionalInterface
    interface Parser {
      Object parse(byte[] json) throws MalformedDocumentException;
    }

    final String name;

    @SuppressWarnings("ImmutableEnumChecker") // a method reference, stateless
    final Parser parser;

    Document(String name, Parser parser) {
      this.name = name;
      this.parser = parser;
    }
  }

  /**
   * A table row; in {@code json}, {@code '} stands for {@code "}, {@code DIGEST} for a valid digest
   * and {@code CONFIG} for a valid config descriptor field.
   */
  private static Arguments row(
      Document document, String what, String json, String field, String quoted) {
    String real =
        json.replace("CONFIG", "'config':{'mediaType':'m','size':2,'digest':'DIGEST'}")
            .replace("DIGEST", DIGEST)
            .replace('\'', '"');
    return Arguments.of(document, what, real, field, quoted);
  }

  static Stream<Arguments> refusals() {
    Document m = Document.MANIFEST;
    Document c = Document.CONFIG;
    Document i = Document.INDEX;
    return Stream.of(
        row(m, "not JSON", "{", "", "not valid JSON"),
        row(m, "not an object", "[]", "", "expected a JSON object"),
        row(m, "trailing garbage", "{'schemaVersion':2} x", "", "not valid JSON"),
        row(
            m,
            "schema version 1",
            "{'schemaVersion':1}",
            "schemaVersion",
            "unsupported schema version 1"),
        row(m, "no schema version", "{}", "schemaVersion", "unsupported schema version 0"),
        row(
            m,
            "string version",
            "{'schemaVersion':'2'}",
            "schemaVersion",
            "expected a 64-bit integer"),
        row(m, "no config", "{'schemaVersion':2}", "config", "an object is required"),
        row(
            m,
            "negative size",
            "{'schemaVersion':2,'config':{'mediaType':'m','size':-1,'digest':'DIGEST'}}",
            "config.size",
            "-1"),
        row(
            m,
            "fractional size",
            "{'schemaVersion':2,'config':{'mediaType':'m','size':1.5,'digest':'DIGEST'}}",
            "config.size",
            "1.5"),
        row(
            m,
            "bad digest",
            "{'schemaVersion':2,'config':{'mediaType':'m','size':1,'digest':'sha256:abc'}}",
            "config.digest",
            "sha256:abc"),
        row(
            m,
            "missing digest",
            "{'schemaVersion':2,'config':{'mediaType':'m','size':1}}",
            "config.digest",
            "a digest is required"),
        row(
            m,
            "missing media type",
            "{'schemaVersion':2,'config':{'size':1,'digest':'DIGEST'}}",
            "config.mediaType",
            "a media type is required"),
        row(
            m,
            "layers not a list",
            "{'schemaVersion':2,CONFIG,'layers':{}}",
            "layers",
            "expected an array"),
        row(
            m,
            "layer not an object",
            "{'schemaVersion':2,CONFIG,'layers':[1]}",
            "layers[0]",
            "expected an object"),
        row(
            m,
            "annotation not text",
            "{'schemaVersion':2,CONFIG,'annotations':{'a':1}}",
            "annotations.a",
            "expected a string"),
        row(
            m,
            "bad data",
            "{'schemaVersion':2,'config':{'mediaType':'m','size':1,'digest':'DIGEST','data':'%%'}}",
            "config.data",
            "%%"),
        row(
            c,
            "bad diff id",
            "{'rootfs':{'diff_ids':['DIGEST','sha256:zz']}}",
            "rootfs.diff_ids[1]",
            "sha256:zz"),
        row(c, "bad time", "{'created':'yesterday'}", "created", "yesterday"),
        row(
            c,
            "bad history time",
            "{'history':[{'created':'2020-01-01'}]}",
            "history[0].created",
            "2020-01-01"),
        row(
            c,
            "bool as string",
            "{'config':{'Tty':'true'}}",
            "config.Tty",
            "expected true or false"),
        row(
            c,
            "retries too large",
            "{'config':{'Healthcheck':{'Retries':4294967296}}}",
            "config.Healthcheck.Retries",
            "4294967296"),
        row(
            c,
            "port map not object",
            "{'config':{'ExposedPorts':['80/tcp']}}",
            "config.ExposedPorts",
            "expected an object"),
        row(i, "schema version 3", "{'schemaVersion':3,'manifests':[]}", "schemaVersion", "3"),
        row(
            i,
            "bad platform",
            "{'schemaVersion':2,'manifests':[{'mediaType':'m','size':1,'digest':'DIGEST',"
                + "'platform':'linux'}]}",
            "manifests[0].platform",
            "expected an object"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("refusals")
  void refusalNamesDocumentAndFieldAndQuotesTheValue(
      Document document, String what, String json, String field, String quoted) {
    MalformedDocumentException e =
        assertThrows(
            MalformedDocumentException.class, () -> document.parser.parse(json.getBytes(UTF_8)));
    assertEquals(document.name, e.document());
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().contains(quoted), e.getMessage());
  }
}
