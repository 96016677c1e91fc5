package dev.containerregistry.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a command shows its transfers: a progress bar on stderr when it is a terminal (and one line
 * per finished blob with {@code -v}), only those lines on a pipe with {@code -v}, nothing with
 * {@code --quiet} or otherwise.
 */
final class TransferDisplay {

  /**
   * Set by {@code bin/crs} to {@code true} or {@code false} after testing file descriptor 2, which
   * Java cannot test portably.
   */
  static final String STDERR_TTY_PROPERTY = "crs.stderr.tty";

  private TransferDisplay() {}

  /** The display that the global options and stderr call for. */
  static ProgressBar forStderr(GlobalOptions globals) {
    boolean shown = !globals.quiet;
    return new ProgressBar(
        System.err, shown && stderrIsTerminal(), shown && globals.verbose, System::nanoTime);
  }

  /**
   * What {@code bin/crs} said; else, on Linux, whether file descriptor 2 is a terminal device; else
   * whether the JVM has a console (stdin and stdout terminals, before JDK 22).
   */
  @SuppressWarnings("SystemConsoleNull") // the last resort only; crs runs on JDK 17 and newer
  private static boolean stderrIsTerminal() {
    String told = System.getProperty(STDERR_TTY_PROPERTY);
    if (told != null) {
      return Boolean.parseBoolean(told);
    }
    Path fd2 = Path.of("/proc/self/fd/2");
    try {
      String device = Files.readSymbolicLink(fd2).toString();
      return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException notLinux) {
      return System.console() != null;
    }
  }
}
