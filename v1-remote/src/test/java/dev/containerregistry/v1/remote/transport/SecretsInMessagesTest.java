package dev.containerregistry.v1.remote.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pre-signed URLs carry their signature in the query: it never reaches a message. */
class SecretsInMessagesTest {

  private static final Request REQUEST =
      Request.get(URI.create("https://registry.example.com/v2/"));

  @ParameterizedTest(name = "Location {0}")
  @ValueSource(
      strings = {
        "https://storage.example.com/b lob?X-Amz-Signature=SECRET",
        "ftp://storage.example.com/blob?X-Amz-Signature=SECRET",
        "https:///blob?X-Amz-Signature=SECRET#frag"
      })
  void aRefusedLocationIsQuotedWithoutItsQuery(String location) {
    IOException e = assertThrows(IOException.class, () -> Locations.resolve(REQUEST, location));
    assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
    assertTrue(e.getMessage().contains("storage.example.com") || e.getMessage().contains("blob"));
  }

  @ParameterizedTest(name = "realm {0}")
  @ValueSource(
      strings = {"ftp://auth.example.com/token?secret=SECRET", "https://x y/?secret=SECRET"})
  void aRefusedRealmIsQuotedWithoutItsQuery(String realm) {
    IOException e =
        assertThrows(
            IOException.class,
            () -> {
              URI parsed = URI.create(realm.replace(" ", "%20"));
              CredentialPolicy.checkRealm(parsed, URI.create("https://registry.example.com"));
            });
    assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
  }
}
