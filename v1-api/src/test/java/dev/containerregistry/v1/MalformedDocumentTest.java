package dev.containerregistry.v1;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad bytes are refused naming the document, the field and quoting the bad value. */
class MalformedDocumentTest {

  private static final String DIGEST =
      "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final String CONFIG =
      "\"config\":{\"mediaType\":\"m\",\"size\":2,\"digest\":\"" + DIGEST + "\"}";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not JSON             | {                                                  | ''            "
            + "     | not valid JSON",
        "not an object        | []                                                 | ''            "
            + "     | expected a JSON object",
        "trailing garbage     | {\"schemaVersion\":2} x                            | ''            "
            + "     | not valid JSON",
        "schema version 1     | {\"schemaVersion\":1}                              | schemaVersion "
            + "     | unsupported schema version 1",
        "no schema version    | {}                                                 | schemaVersion "
            + "     | unsupported schema version 0",
        "string version       | {\"schemaVersion\":\"2\"}                          | schemaVersion "
            + "     | expected a 64-bit integer",
        "no config            | {\"schemaVersion\":2}                              | config        "
            + "     | an object is required",
        "negative size        |"
            + " {\"schemaVersion\":2,\"config\":{\"mediaType\":\"m\",\"size\":-1,\"digest\":\""
            + DIGEST
            + "\"}} | config.size | -1",
        "fractional size      |"
            + " {\"schemaVersion\":2,\"config\":{\"mediaType\":\"m\",\"size\":1.5,\"digest\":\""
            + DIGEST
            + "\"}} | config.size | 1.5",
        "bad digest           |"
            + " {\"schemaVersion\":2,\"config\":{\"mediaType\":\"m\",\"size\":1,\"digest\":\"sha256:abc\"}}"
            + " | config.digest | sha256:abc",
        "missing digest       | {\"schemaVersion\":2,\"config\":{\"mediaType\":\"m\",\"size\":1}} |"
            + " config.digest | a digest is required",
        "missing media type   | {\"schemaVersion\":2,\"config\":{\"size\":1,\"digest\":\""
            + DIGEST
            + "\"}} | config.mediaType | a media type is required",
        "layers not a list    | {\"schemaVersion\":2,"
            + CONFIG
            + ",\"layers\":{}} | layers             | expected an array",
        "layer not an object  | {\"schemaVersion\":2,"
            + CONFIG
            + ",\"layers\":[1]} | layers[0]         | expected an object",
        "annotation not text  | {\"schemaVersion\":2,"
            + CONFIG
            + ",\"annotations\":{\"a\":1}} | annotations.a | expected a string",
        "bad data             |"
            + " {\"schemaVersion\":2,\"config\":{\"mediaType\":\"m\",\"size\":1,\"digest\":\""
            + DIGEST
            + "\",\"data\":\"%%\"}} | config.data | %%",
      })
  void manifestRefusals(String what, String json, String field, String quoted) {
    MalformedDocumentException e =
        assertThrows(MalformedDocumentException.class, () -> Manifest.parse(json.getBytes(UTF_8)));
    assertEquals("image manifest", e.document());
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().contains(quoted), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bad diff id          | {\"rootfs\":{\"diff_ids\":[\"sha256:zz\"]}}       |"
            + " rootfs.diff_ids[1] | sha256:zz",
        "bad time             | {\"created\":\"yesterday\"}                       | created        "
            + "    | yesterday",
        "bad history time     | {\"history\":[{\"created\":\"2020-01-01\"}]}      |"
            + " history[0].created | 2020-01-01",
        "bool as string       | {\"config\":{\"Tty\":\"true\"}}                   | config.Tty     "
            + "    | expected true or false",
        "retries too large    | {\"config\":{\"Healthcheck\":{\"Retries\":4294967296}}} |"
            + " config.Healthcheck.Retries | 4294967296",
        "port map not object  | {\"config\":{\"ExposedPorts\":[\"80/tcp\"]}}      |"
            + " config.ExposedPorts | expected an object",
      })
  void configRefusals(String what, String json, String field, String quoted) {
    String withValidFirst = json.replace("[\"sha256:zz\"]", "[\"" + DIGEST + "\",\"sha256:zz\"]");
    MalformedDocumentException e =
        assertThrows(
            MalformedDocumentException.class,
            () -> ConfigFile.parse(withValidFirst.getBytes(UTF_8)));
    assertEquals("config file", e.document());
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().contains(quoted), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "schema version 3 | {\"schemaVersion\":3,\"manifests\":[]}  | schemaVersion | 3",
        "bad platform     |"
            + " {\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"m\",\"size\":1,\"digest\":\""
            + DIGEST
            + "\",\"platform\":\"linux\"}]} | manifests[0].platform | expected an object",
      })
  void indexRefusals(String what, String json, String field, String quoted) {
    MalformedDocumentException e =
        assertThrows(
            MalformedDocumentException.class, () -> IndexManifest.parse(json.getBytes(UTF_8)));
    assertEquals("image index", e.document());
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().contains(quoted), e.getMessage());
  }
}
