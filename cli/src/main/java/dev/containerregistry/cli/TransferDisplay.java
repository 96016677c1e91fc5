package dev.containerregistry.cli;

import dev.containerregistry.v1.remote.BlobEvent;
import dev.containerregistry.v1.remote.Progress;
import dev.containerregistry.v1.remote.ProgressListener;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a command shows of its transfers on stderr: a progress bar when stderr is a terminal (and
 * one line per finished blob with {@code -v}), only those lines on a pipe with {@code -v}, nothing
 * with {@code --quiet} or otherwise.
 */
final class TransferDisplay {

  /**
   * Set by {@code bin/crs} to {@code true} or {@code false} after testing file descriptor 2, which
   * Java cannot test portably.
   */
  static final String STDERR_TTY_PROPERTY = "crs.stderr.tty";

  private final ProgressListener listener;
  private final Runnable finish;

  private TransferDisplay(ProgressListener listener, Runnable finish) {
    this.listener = listener;
    this.finish = finish;
  }

  static TransferDisplay forStderr(GlobalOptions globals) {
    if (globals.quiet) {
      return new TransferDisplay(ProgressListener.NONE, () -> {});
    }
    PrintStream err = System.err;
    if (stderrIsTerminal()) {
      ProgressBar bar = new ProgressBar(err, globals.verbose, System::nanoTime);
      return new TransferDisplay(bar, bar::finish);
    }
    if (globals.verbose) {
      return new TransferDisplay(
          new ProgressListener() {
            @Override
            public void onProgress(Progress progress) {}

            @Override
            public void onBlob(BlobEvent event) {
              err.println(ProgressBar.describe(event));
            }
          },
          () -> {});
    }
    return new TransferDisplay(ProgressListener.NONE, () -> {});
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

  ProgressListener listener() {
    return listener;
  }

  void finish() {
    finish.run();
  }
}
