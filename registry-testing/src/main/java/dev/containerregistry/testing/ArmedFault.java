package dev.containerregistry.testing;

/**
 * The fault a {@link FaultProxy} currently holds, with how many strikes are left and how many
 * client bytes passed since it was injected or last struck. Every method is called under the
 * proxy's lock.
 */
final class ArmedFault {
  private final Fault fault;
  private int remaining;
  private long bytesSinceStrike;
  private int strikes;

  ArmedFault(Fault fault) {
    this.fault = fault;
    this.remaining = fault.times();
  }

  Fault fault() {
    return fault;
  }

  /** How many times the fault struck. */
  int strikes() {
    return strikes;
  }

  boolean spent() {
    return remaining == 0;
  }

  /** Uses one strike if the fault is of {@code kind} and has some left. */
  boolean strikeIf(Fault.Kind kind) {
    if (fault.kind() != kind || spent()) {
      return false;
    }
    strike();
    return true;
  }

  /** True (and one strike used) when a request starting now must lose its connection. */
  boolean cutBeforeRequest() {
    if (fault.kind() != Fault.Kind.CUT_BEFORE_REQUEST
        || spent()
        || bytesSinceStrike < fault.bytes()) {
      return false;
    }
    strike();
    return true;
  }

  /**
   * How many of {@code length} client bytes may pass now; fewer than {@code length} means the
   * connection is cut after them (and one strike is used).
   */
  int pass(int length) {
    if (fault.kind() == Fault.Kind.CUT_MID_REQUEST && !spent()) {
      long allowed = fault.bytes() - bytesSinceStrike;
      if (length > allowed) {
        strike();
        return (int) Math.max(0, allowed);
      }
    }
    bytesSinceStrike += length;
    return length;
  }

  private void strike() {
    strikes++;
    bytesSinceStrike = 0;
    if (remaining != Fault.ALWAYS) {
      remaining--;
    }
  }
}
