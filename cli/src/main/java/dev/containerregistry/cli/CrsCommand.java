package dev.containerregistry.cli;

import dev.containerregistry.name.BadNameException;
import dev.containerregistry.name.Digest;
import dev.containerregistry.name.NameOption;
import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Registry;
import dev.containerregistry.name.Repository;
import dev.containerregistry.name.Tag;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import dev.containerregistry.v1.Platform;
import dev.containerregistry.v1.remote.ProgressListener;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every command shares: the global options, names parsed the way they say (a malformed one is
 * a usage error), the SDK's {@link RemoteOptions} with a progress display, and stdout for results.
 */
abstract class CrsCommand implements Callable<Integer> {

  private @Nullable CommandSpec spec;
  private @Nullable ProgressBar progress;

  @Spec
  void spec(CommandSpec value) {
    this.spec = value;
  }

  /** Does the work; any exception becomes one line on stderr and exit status 1. */
  abstract void run() throws Exception;

  @Override
  public final Integer call() throws Exception {
    try {
      run();
    } finally {
      if (progress != null) {
        progress.finish();
      }
      out().flush();
    }
    return 0;
  }

  final GlobalOptions globals() {
    return ((Crs) spec().root().userObject()).globals;
  }

  final PrintStream out() {
    return System.out;
  }

  /** A line for people (not a result): on stderr, unless {@code --quiet}. */
  final void say(String line) {
    if (!globals().quiet) {
      System.err.println(line);
    }
  }

  /** The platform of {@code --platform}, else the SDK's default. */
  final Platform platform() {
    Platform chosen = globals().platform;
    return chosen != null ? chosen : RemoteOptions.defaults().platform();
  }

  /** The SDK options these global options ask for, with the progress display of this command. */
  final RemoteOptions remote() {
    return remote(RemoteOptions.defaults().jobs());
  }

  /** As {@link #remote()}, with {@code jobs} blobs transferred at once. */
  final RemoteOptions remote(int jobs) {
    return RemoteOptions.builder().platform(platform()).jobs(jobs).progress(progress()).build();
  }

  /**
   * As {@link #remote()} but without the SDK's progress, for what the command reads: the bar counts
   * downloads itself ({@link Metering#downloads}), and a base read while a push runs must not feed
   * the push's figures.
   */
  final RemoteOptions reading() {
    return remote().toBuilder().progress(ProgressListener.NONE).build();
  }

  /** The progress display of this command's transfers, made on first use. */
  final ProgressBar progress() {
    if (progress == null) {
      progress = TransferDisplay.forStderr(globals());
    }
    return progress;
  }

  final Reference reference(String text) {
    return parse(text, "reference", Reference::parse);
  }

  final Tag tag(String text) {
    return parse(text, "tag", Tag::parse);
  }

  final Digest digest(String text) {
    return parse(text, "digest reference (NAME@sha256:...)", Digest::parse);
  }

  final Repository repository(String text) {
    return parse(text, "repository", Repository::parse);
  }

  final Registry registry(String text) {
    return parse(text, "registry", Registry::parse);
  }

  /** Pushes {@code image} to {@code target} and prints {@code HOST/REPO@DIGEST} on stdout. */
  final void push(Reference target, Image image) throws IOException {
    Remote.write(target, image, remote());
    printPushed(target, image.digest());
  }

  /** Pushes {@code index} to {@code target} and prints {@code HOST/REPO@DIGEST} on stdout. */
  final void push(Reference target, ImageIndex index) throws IOException {
    Remote.writeIndex(target, index, remote());
    printPushed(target, index.digest());
  }

  final void printPushed(Reference target, Hash digest) {
    out().println(target.context().digest(digest.toString()).name());
  }

  /** Writes {@code bytes} to stdout as they are, with nothing added. */
  final void writeRaw(byte[] bytes) throws IOException {
    OutputStream out = out();
    out.write(bytes);
    out.flush();
  }

  private <T> T parse(String text, String kind, BiFunction<String, NameOption[], T> parser) {
    NameOption[] options =
        globals().insecure ? new NameOption[] {NameOption.insecure()} : new NameOption[0];
    try {
      return parser.apply(text, options);
    } catch (BadNameException e) {
      throw new ParameterException(
          spec().commandLine(), "\"" + text + "\" is not a valid " + kind + ": " + e.getMessage());
    }
  }

  final CommandSpec spec() {
    return Objects.requireNonNull(spec, "picocli injects the command spec");
  }
}
