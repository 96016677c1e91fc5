package dev.containerregistry.benchmarks.push;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the table: a way to push the corpus, run as a process of its own for each run.
 *
 * @param label what the table calls it
 * @param slug its name in repository paths and log files
 * @param kind who runs it, which decides how it is timed and what it may write
 * @param command the command, given the reference to push to and an empty scratch directory that is
 *     deleted after the run
 */
record Row(String label, String slug, Kind kind, Command command) {

  /** Who runs a row. */
  enum Kind {
    /** The SDK, in a JVM that reports its figures; it must write no file. */
    SDK,
    /** Jib-core, in a JVM that reports its figures; it writes its layer into its cache. */
    JIB,
    /** An outside tool, timed from outside. */
    TOOL;

    /** Whether the process prints {@link RowReport}'s line. */
    boolean reportsItself() {
      return this != TOOL;
    }
  }

  /** The command line of one run. */
  @FunctionalInterface
  interface Command {
    List<String> of(String ref, Path scratch);
  }

  /** How to start a row's JVM: the java binary, the heap limit and the class path. */
  record Jvm(String java, String heap, String classPath) {

    /** A java command running {@code main} with {@code args}, its temp directory {@code tmp}. */
    List<String> command(Class<?> main, Path tmp, List<String> args) {
      List<String> command = new ArrayList<>();
      command.add(java);
      command.add("-Xmx" + heap);
      command.add("-Djava.io.tmpdir=" + tmp);
      command.add("-cp");
      command.add(classPath);
      command.add(main.getName());
      command.addAll(args);
      return command;
    }
  }

  /** An SDK row: {@link SdkPushRow} with {@code kind} over {@code source}, with {@code workers}. */
  static Row sdk(String label, String slug, Jvm jvm, String kind, Path source, String workers) {
    return new Row(
        label,
        slug,
        Kind.SDK,
        (ref, scratch) ->
            jvm.command(SdkPushRow.class, scratch, List.of(kind, source.toString(), workers, ref)));
  }

  /** The Jib-core row: {@link JibPushRow} over {@code tree}, its cache in the scratch directory. */
  static Row jib(String label, String slug, Jvm jvm, Path tree) {
    return new Row(
        label,
        slug,
        Kind.JIB,
        (ref, scratch) ->
            jvm.command(
                JibPushRow.class,
                scratch,
                List.of(tree.toString(), scratch.resolve("jib-cache").toString(), ref)));
  }

  /**
   * A skopeo row: {@code skopeo copy} from the OCI layout {@code layout} (its one layer the
   * uncompressed tar, which skopeo compresses while pushing) with {@code extraOptions}.
   */
  static Row skopeo(String label, String slug, Path layout, List<String> extraOptions) {
    return new Row(
        label,
        slug,
        Kind.TOOL,
        (ref, scratch) -> {
          List<String> command = new ArrayList<>(List.of("skopeo", "copy", "--quiet"));
          command.add("--dest-tls-verify=false");
          command.addAll(extraOptions);
          command.add("oci:" + layout + ":corpus");
          command.add("docker://" + ref);
          return command;
        });
  }
}
