package dev.containerregistry.it.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.containerregistry.testing.RegistryTest;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of crs commands share: a registry:2 per class, a temporary directory, a crs runner
 * with its own empty Docker config in it, and the check of a failure's status and single line.
 */
@RegistryTest
abstract class CrsTestBase {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  CrsRun crs;

  @BeforeEach
  void newRunner() {
    crs = new CrsRun(dir.resolve("docker"));
  }

  /** {@code result} failed with status {@code exit}, one line on stderr naming {@code mentions}. */
  static void assertOneLineFailure(CrsRun.Result result, int exit, String mentions) {
    assertEquals(exit, result.exit(), result.stderr());
    assertEquals(0, result.stdout().length, "nothing on stdout");
    String err = result.stderr();
    assertTrue(err.endsWith("\n") && err.indexOf('\n') == err.length() - 1, "one line: " + err);
    assertTrue(err.startsWith("crs"), err);
    assertTrue(err.contains(mentions), err);
  }
}
