package dev.containerregistry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What needs no registry: usage errors, environment edits and how failures are described. */
class CrsUsageTest {

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(2, Crs.run("no-such-command"));
    assertEquals(2, Crs.run("digest"));
    assertEquals(2, Crs.run("digest", "UPPER/case:tag"));
    assertEquals(2, Crs.run("--platform", "linux", "digest", "localhost/x:y"));
    assertEquals(2, Crs.run("copy", "-j", "0", "localhost/a:1", "localhost/b:1"));
    assertEquals(2, Crs.run("pull", "--format", "zip", "localhost/a:1", "out"));
    assertEquals(2, Crs.run("pull", "localhost/a:1"));
    assertEquals(2, Crs.run("push", "layout", "Not A Ref"));
    assertEquals(2, Crs.run("validate"));
    assertEquals(2, Crs.run("validate", "--remote", "localhost/a:1", "--tarball", "a.tar"));
    assertEquals(2, Crs.run("index", "append", "-m", "localhost/a:1"));
    assertEquals(2, Crs.run("load", "localhost/a@sha256:" + "0".repeat(64)));
  }

  @Test
  void helpAndVersionExitWithZero() {
    assertEquals(0, Crs.run("--help"));
    assertEquals(0, Crs.run("--version"));
    assertEquals(0, Crs.run("index", "append", "--help"));
    assertEquals(0, Crs.run("pull", "--help"));
    assertEquals(0, Crs.run("load", "--help"));
  }

  @Test
  void environmentAssignmentsReplaceTheirKey() {
    assertEquals(
        List.of("B=2", "A=new", "C=3"),
        EnvironmentEdit.set(List.of("A=1", "B=2"), List.of("A=new", "C=3")));
  }

  @Test
  void aFailureIsDescribedOnOneLineWithTheCausesItDoesNotQuote() {
    IOException cause = new IOException("GET http://h/v2/: status 500");
    IOException failure = new IOException("pushing blob sha256:ab of h/r\nwhile uploading", cause);
    assertEquals(
        "pushing blob sha256:ab of h/r; while uploading: GET http://h/v2/: status 500",
        Failures.describe(failure));
    assertEquals(
        "GET http://h/v2/: status 500",
        Failures.describe(new IOException(cause.getMessage(), cause)));
  }
}
