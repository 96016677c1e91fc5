package dev.containerregistry.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/** Compact JSON Web Tokens signed with RS256 (RSA PKCS#1 v1.5 over SHA-256). */
final class Jwt {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private Jwt() {}

  /** {@code base64url(header).base64url(claims).base64url(signature)}. */
  static String rs256(Map<String, ?> header, Map<String, ?> claims, PrivateKey key) {
    try {
      String signingInput =
          B64URL.encodeToString(JSON.writeValueAsBytes(header))
              + "."
              + B64URL.encodeToString(JSON.writeValueAsBytes(claims));
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + B64URL.encodeToString(signature.sign());
    } catch (JsonProcessingException | GeneralSecurityException e) {
      throw new IllegalStateException("signing a token", e);
    }
  }
}
