package dev.containerregistry.cli;

import dev.containerregistry.name.BadNameException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one line on stderr and an exit status: 2 for a usage error (bad option,
 * malformed reference or platform), 1 for everything else (the registry refused, I/O failed,
 * content did not verify). The line names the command and its arguments, then the SDK's message,
 * which says what was being done and, for a registry's refusal, its status and error codes. With
 * {@code -v} the stack trace follows.
 */
final class Failures
    implements IExecutionExceptionHandler, IParameterExceptionHandler, IExitCodeExceptionMapper {

  static final int FAILURE = 1;
  static final int USAGE = 2;

  private final GlobalOptions globals;

  Failures(GlobalOptions globals) {
    this.globals = globals;
  }

  @Override
  public int handleExecutionException(
      Exception failure, CommandLine command, ParseResult parseResult) {
    int status = getExitCode(failure);
    report(command, command.getParseResult(), describe(failure), failure);
    return status;
  }

  @Override
  public int handleParseException(ParameterException failure, String[] args) {
    CommandLine command = failure.getCommandLine();
    report(
        command,
        command.getParseResult(),
        oneLine(failure.getMessage())
            + " (see '"
            + command.getCommandSpec().qualifiedName()
            + " --help')",
        failure);
    return USAGE;
  }

  @Override
  public int getExitCode(Throwable failure) {
    return failure instanceof BadNameException || failure instanceof ParameterException
        ? USAGE
        : FAILURE;
  }

  private void report(
      CommandLine command, @Nullable ParseResult parseResult, String message, Throwable failure) {
    PrintWriter err = command.getErr();
    err.println(subject(command, parseResult) + ": " + message);
    if (globals.verbose) {
      failure.printStackTrace(err);
    }
    err.flush();
  }

  /** The command and the arguments it was given, such as {@code crs digest host/repo:tag}. */
  private static String subject(CommandLine command, @Nullable ParseResult parseResult) {
    StringBuilder text = new StringBuilder(command.getCommandSpec().qualifiedName());
    if (parseResult != null) {
      for (ArgSpec positional : parseResult.matchedPositionals()) {
        for (String value : positional.originalStringValues()) {
          text.append(' ').append(value);
        }
      }
    }
    return text.toString();
  }

  /** The failure's message followed by those of its causes that it does not already quote. */
  static String describe(Throwable failure) {
    List<String> parts = new ArrayList<>();
    String text = "";
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message == null || message.isBlank()) {
        message = t.getClass().getSimpleName();
      }
      if (!text.contains(message)) {
        parts.add(message);
        text = String.join(": ", parts);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return oneLine(text);
  }

  private static String oneLine(@Nullable String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
