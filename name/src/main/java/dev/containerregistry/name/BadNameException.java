package dev.containerregistry.name;

/**
 * A string was refused as a registry, repository, tag or digest reference. The message names the
 * rule that was broken and ends with the rejected input, for example {@code repository can only
 * contain the characters 'abcdefghijklmnopqrstuvwxyz0123456789_-./': gcr.io/Bad}. Inputs longer
 * than {@value #QUOTE_LIMIT} characters are shortened in the message.
 */
public final class BadNameException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** How many characters of a rejected input the message shows. */
  static final int QUOTE_LIMIT = 512;

  private final String rule;

  BadNameException(String rule, String input) {
    super(rule + ": " + quote(input));
    this.rule = rule;
  }

  /** The broken rule alone, without the input; used to combine the reasons of several parsers. */
  String rule() {
    return rule;
  }

  private static String quote(String input) {
    if (input.isEmpty()) {
      return "\"\"";
    }
    if (input.length() <= QUOTE_LIMIT) {
      return input;
    }
    return input.substring(0, QUOTE_LIMIT) + "... (" + input.length() + " characters)";
  }
}
