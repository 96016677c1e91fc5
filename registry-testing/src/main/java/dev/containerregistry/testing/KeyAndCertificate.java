package dev.containerregistry.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** A generated RSA key pair and the X.509 certificate of its public key, with PEM encodings. */
record KeyAndCertificate(KeyPair keys, X509Certificate certificate) {

  /** The certificate as one PEM block. */
  String certificatePem() {
    try {
      return pem("CERTIFICATE", certificate.getEncoded());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("encoding a certificate generated in this JVM", e);
    }
  }

  /** The private key as a PKCS#8 PEM block, which Go's TLS stack (registry:2) reads. */
  String privateKeyPem() {
    return pem("PRIVATE KEY", keys.getPrivate().getEncoded());
  }

  private static String pem(String type, byte[] der) {
    Base64.Encoder lines = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    return "-----BEGIN "
        + type
        + "-----\n"
        + lines.encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
