package dev.containerregistry.v1;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times as Go's {@code time.Time} writes them in JSON: RFC 3339 in UTC with the fraction of a
 * second trimmed of trailing zeros ({@code 2024-01-02T03:04:05.5Z}), years 0 to 9999 only.
 */
final class GoTime {

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant AFTER_LAST = Instant.parse("+10000-01-01T00:00:00Z");

  private GoTime() {}

  /** Refuses instants Go cannot write. */
  static Instant check(Instant t) {
    if (t.isBefore(FIRST) || !t.isBefore(AFTER_LAST)) {
      throw new IllegalArgumentException("a time must lie in the years 0 to 9999, got " + t);
    }
    return t;
  }

  /** Go's RFC 3339 with nanoseconds, in UTC. */
  @SuppressWarnings("JavaInstantGetSecondsGetNano") // the seconds are formatted on their own
  static String format(Instant t) {
    StringBuilder out = new StringBuilder(SECONDS.format(check(t)));
    int nanos = t.getNano();
    if (nanos != 0) {
      String fraction = String.format("%09d", nanos);
      int end = fraction.length();
      while (fraction.charAt(end - 1) == '0') {
        end--;
      }
      out.append('.').append(fraction, 0, end);
    }
    return out.append('Z').toString();
  }

  /** Reads an RFC 3339 time with any offset. */
  static Instant parse(String s) {
    try {
      return check(OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("expected an RFC 3339 time, got \"" + s + "\"", e);
    }
  }
}
