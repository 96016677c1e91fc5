package dev.containerregistry.cli;

/**
 * Where the SDK's slf4j logs go: nowhere unless {@code -v}, then to stderr. slf4j-simple reads its
 * settings when the first logger is made, which happens only once a command runs, after parsing.
 */
final class Logging {

  private static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  private Logging() {}

  /** Turns the SDK's logs off unless the caller set a level. */
  static void quietByDefault() {
    if (System.getProperty(LEVEL) == null) {
      System.setProperty(LEVEL, "off");
    }
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
  }

  /** Sends the SDK's debug logs to stderr. */
  static void verbose() {
    System.setProperty(LEVEL, "debug");
  }
}
