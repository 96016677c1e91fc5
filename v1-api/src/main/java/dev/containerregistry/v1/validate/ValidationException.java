package dev.containerregistry.v1.validate;

import java.io.IOException;
import java.util.List;

/**
 * Thrown by {@link Validate} with every problem it found, not just the first: each problem names
 * the layer, field or child and both values that disagree.
 */
public final class ValidationException extends IOException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * @param subject what was validated, for example {@code "image sha256:..."}
   * @param problems the problems found, at least one
   */
  public ValidationException(String subject, List<String> problems) {
    super(
        subject
            + " is invalid ("
            + problems.size()
            + " problems):\n  "
            + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in the order checked. */
  public List<String> problems() {
    return problems;
  }
}
