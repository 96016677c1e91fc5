package dev.containerregistry.v1.validate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Collects problems; a check that cannot even be made (an I/O failure) is a problem too. */
final class Problems {

  /** One check that may read. */
  @FunctionalInterface
  interface Check {
    void run() throws IOException;
  }

  private final List<String> found = new ArrayList<>();

  /** Records a problem when {@code expected} and {@code actual} differ. */
  void same(String what, Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) {
      found.add(what + ": " + expected + " != " + actual);
    }
  }

  void add(String problem) {
    found.add(problem);
  }

  /** Runs {@code check}, recording its failure (with {@code doing}) instead of stopping. */
  void attempt(String doing, Check check) {
    try {
      check.run();
    } catch (ValidationException e) {
      e.problems().forEach(p -> found.add(doing + ": " + p));
    } catch (IOException | RuntimeException e) {
      found.add(doing + ": " + e);
    }
  }

  /** Throws all problems found, if any. */
  void throwIfAny(String subject) throws ValidationException {
    if (!found.isEmpty()) {
      throw new ValidationException(subject, found);
    }
  }
}
