package dev.containerregistry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

class HtpasswdTest {

  @Test
  void anEntryIsTheUserAndABcryptHashThatVerifiesOnlyTheRightPassword() {
    String entry = Htpasswd.entry("alice", "s3cret");

    assertTrue(entry.startsWith("alice:$2y$05$"), entry);
    String hash = entry.substring("alice:".length());
    assertEquals(60, hash.length(), hash);
    assertTrue(OpenBSDBCrypt.checkPassword(hash, "s3cret".toCharArray()));
    assertFalse(OpenBSDBCrypt.checkPassword(hash, "s3cret!".toCharArray()));
  }

  @Test
  void eachEntryHasItsOwnSaltAndTheFileOneLinePerUser() {
    assertNotEquals(Htpasswd.entry("bob", "pw"), Htpasswd.entry("bob", "pw"));

    String file =
        Htpasswd.file(List.of(RegistryUser.pusher("a", "1"), RegistryUser.puller("b", "2")));
    String[] lines = file.split("\n", -1);
    assertEquals(3, lines.length, file);
    assertTrue(lines[0].startsWith("a:$2y$") && lines[1].startsWith("b:$2y$"), file);
    assertEquals("", lines[2]);
  }
}
