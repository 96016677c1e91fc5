package dev.containerregistry.v1.remote.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TransportExceptionTest {

  private static final Request PUT =
      Request.of(
          "PUT", URI.create("https://registry.example.com/v2/foo/manifests/latest?secret=1"));

  private static TransportException fromBody(int status, String body) throws IOException {
    return TransportException.of(
        Response.of(PUT, status, Headers.empty(), body.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ErrorCode.class)
  void everyCodeIsReportedWithTheRegistrysMessage(ErrorCode code) throws IOException {
    TransportException e =
        fromBody(
            400,
            "{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"what the registry said\"}]}");

    assertEquals(
        "PUT https://registry.example.com/v2/foo/manifests/latest?…: status 400: "
            + code
            + ": what the registry said",
        e.getMessage());
    assertTrue(e.hasCode(code));
    assertEquals(code.temporary(), e.temporary());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ErrorCode.class)
  void everyCodeWithoutAMessageIsExplainedByItsMeaning(ErrorCode code) throws IOException {
    TransportException e = fromBody(400, "{\"errors\":[{\"code\":\"" + code + "\"}]}");

    assertTrue(e.getMessage().endsWith(": " + code + ": " + code.meaning()), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"errors\":[{\"code\":\"MANIFEST_BLOB_UNKNOWN\",\"message\":\"blob unknown\",\"detail\":{\"digest\":\"sha256:ab\"}}]}"
            + "|status 400: MANIFEST_BLOB_UNKNOWN: blob unknown (detail: {\"digest\":\"sha256:ab\"})",
        "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"a\"},{\"code\":\"NEW_CODE\",\"message\":\"b\"}]}"
            + "|status 400: DENIED: a; NEW_CODE: b",
        "<html>Bad Gateway</html>|status 400: <html>Bad Gateway</html>",
        "{\"errors\":\"not a list\"}|status 400: {\"errors\":\"not a list\"}",
        "''|status 400"
      })
  void describesBodiesOfEveryShape(String body, String expectedEnd) throws IOException {
    assertTrue(
        fromBody(400, body).getMessage().endsWith(expectedEnd), fromBody(400, body).getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"401, UNAUTHORIZED", "403, DENIED", "429, TOOMANYREQUESTS"})
  void infersTheCodeOfABodilessAnswerFromItsStatus(int status, ErrorCode code) throws IOException {
    TransportException e = fromBody(status, "");

    assertTrue(e.hasCode(code));
    assertTrue(
        e.getMessage()
            .endsWith(code + ": " + code.meaning() + " (no error body; inferred from the status)"),
        e.getMessage());
  }

  @Test
  void infersNothingFromOtherBodilessStatuses() throws IOException {
    assertEquals(java.util.List.of(), fromBody(404, "").errors());
  }

  @Test
  void aMixOfTemporaryAndPermanentCodesIsNotTemporary() throws IOException {
    assertFalse(
        fromBody(503, "{\"errors\":[{\"code\":\"UNAVAILABLE\"},{\"code\":\"DENIED\"}]}")
            .temporary());
  }

  @Test
  void refusesBodiesOverTheLimitByDeclaredLength() {
    Response response =
        Response.of(
            PUT,
            200,
            Headers.of(Map.of("Content-Length", java.util.List.of("5000000"))),
            new byte[10]);

    IOException e = assertThrows(IOException.class, () -> response.bytes(Response.MANIFEST_LIMIT));
    assertEquals(
        "refusing the response body of PUT https://registry.example.com/v2/foo/manifests/latest?…: it declares 5000000 bytes, over the limit of 4194304",
        e.getMessage());
  }

  @Test
  void refusesBodiesOverTheLimitWhileReading() {
    Response response =
        Response.of(
            PUT, 200, Headers.empty(), new byte[Math.toIntExact(Response.SMALL_BODY_LIMIT) + 1]);

    IOException e =
        assertThrows(IOException.class, () -> response.bytes(Response.SMALL_BODY_LIMIT));
    assertTrue(
        e.getMessage().endsWith("it is longer than the limit of 65536 bytes"), e.getMessage());
  }

  @Test
  void readsBodiesUpToTheLimit() throws IOException {
    Response response =
        Response.of(
            PUT, 200, Headers.empty(), new byte[Math.toIntExact(Response.SMALL_BODY_LIMIT)]);

    assertEquals(Response.SMALL_BODY_LIMIT, response.bytes(Response.SMALL_BODY_LIMIT).length);
  }
}
