package dev.containerregistry.v1.remote.transport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code WWW-Authenticate} values: one or more challenges, each a scheme followed by
 * comma-separated {@code name=value} or {@code name="quoted \"value\""} parameters. Linear in the
 * input; malformed parts are skipped rather than guessed at.
 */
final class ChallengeParser {

  private final String text;
  private int pos;

  private ChallengeParser(String text) {
    this.text = text;
  }

  /** Every challenge found in the header values, in order. */
  static List<Challenge> parse(List<String> headerValues) {
    List<Challenge> challenges = new ArrayList<>();
    for (String value : headerValues) {
      new ChallengeParser(value).parseInto(challenges);
    }
    return challenges;
  }

  private void parseInto(List<Challenge> out) {
    String scheme = null;
    Map<String, String> params = new LinkedHashMap<>();
    while (true) {
      skipSeparators();
      if (pos >= text.length()) {
        break;
      }
      String token = token();
      if (token.isEmpty()) {
        pos++;
        continue;
      }
      skipSpaces();
      if (pos < text.length() && text.charAt(pos) == '=' && scheme != null) {
        pos++;
        skipSpaces();
        params.put(token.toLowerCase(Locale.ROOT), value());
      } else {
        if (scheme != null) {
          out.add(new Challenge(scheme, params));
        }
        scheme = token;
        params = new LinkedHashMap<>();
      }
    }
    if (scheme != null) {
      out.add(new Challenge(scheme, params));
    }
  }

  private String token() {
    int start = pos;
    while (pos < text.length() && isTokenChar(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private String value() {
    if (pos < text.length() && text.charAt(pos) == '"') {
      pos++;
      StringBuilder value = new StringBuilder();
      while (pos < text.length() && text.charAt(pos) != '"') {
        char c = text.charAt(pos++);
        if (c == '\\' && pos < text.length()) {
          c = text.charAt(pos++);
        }
        value.append(c);
      }
      pos++;
      return value.toString();
    }
    int start = pos;
    while (pos < text.length()
        && text.charAt(pos) != ','
        && !Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private void skipSeparators() {
    while (pos < text.length()
        && (text.charAt(pos) == ',' || Character.isWhitespace(text.charAt(pos)))) {
      pos++;
    }
  }

  private static boolean isTokenChar(char c) {
    return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={} ".indexOf(c) < 0;
  }
}
