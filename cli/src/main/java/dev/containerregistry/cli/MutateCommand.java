package dev.containerregistry.cli;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Config;
import dev.containerregistry.v1.ConfigFile;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.Platform;
import dev.containerregistry.v1.mutate.Mutate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crs mutate REF -t TARGET ...}: config and annotation changes, pushed. */
@Command(
    name = "mutate",
    mixinStandardHelpOptions = true,
    description =
        "Change the config or manifest annotations of the image REF and push the result to"
            + " TARGET (default: REF itself, when it is a tag). With --platform, that image is"
            + " picked from an index and the platform is also written into the config. Prints"
            + " HOST/REPO@DIGEST of the pushed image.")
final class MutateCommand extends ImageCommand {

  @Option(
      names = {"-l", "--label"},
      paramLabel = "KEY=VALUE",
      description = "A config label to set; repeatable.")
  Map<String, String> labels = new LinkedHashMap<>();

  @Option(
      names = {"-a", "--annotation"},
      paramLabel = "KEY=VALUE",
      description = "A manifest annotation to set; repeatable.")
  Map<String, String> annotations = new LinkedHashMap<>();

  @Option(
      names = {"-e", "--env"},
      paramLabel = "KEY=VALUE",
      description = "An environment variable to set (replacing one of the same name); repeatable.")
  List<String> env = new ArrayList<>();

  @Option(
      names = "--entrypoint",
      split = ",",
      paramLabel = "ARG",
      description = "The entrypoint, comma-separated.")
  @Nullable List<String> entrypoint;

  @Option(
      names = "--cmd",
      split = ",",
      paramLabel = "ARG",
      description = "The command, comma-separated.")
  @Nullable List<String> cmd;

  @Option(
      names = {"-u", "--user"},
      paramLabel = "USER",
      description = "The user to run as.")
  @Nullable String user;

  @Option(
      names = {"-w", "--workdir"},
      paramLabel = "DIR",
      description = "The working directory.")
  @Nullable String workdir;

  @Option(
      names = "--exposed-ports",
      split = ",",
      paramLabel = "PORT[/PROTO]",
      description = "Ports to expose, comma-separated, such as 8080/tcp.")
  List<String> exposedPorts = new ArrayList<>();

  @Override
  void run(Reference source, Reference destination, Image image) throws Exception {
    ConfigFile file = image.configFile();
    ConfigFile.Builder changed = file.toBuilder().config(changedConfig(file.config()));
    Platform platform = globals().platform;
    if (platform != null) {
      changed.platform(platform);
    }
    Image mutated = Mutate.configFile(image, changed.build());
    if (!annotations.isEmpty()) {
      mutated = Mutate.annotations(mutated, annotations);
    }
    push(destination, mutated);
  }

  private Config changedConfig(Config config) {
    Config.Builder builder = config.toBuilder();
    if (!labels.isEmpty()) {
      Map<String, String> merged = new LinkedHashMap<>(config.labels());
      merged.putAll(labels);
      builder.labels(merged);
    }
    if (!env.isEmpty()) {
      builder.env(EnvironmentEdit.set(config.env(), env));
    }
    if (entrypoint != null) {
      builder.entrypoint(entrypoint);
    }
    if (cmd != null) {
      builder.cmd(cmd);
    }
    if (user != null) {
      builder.user(user);
    }
    if (workdir != null) {
      builder.workingDir(workdir);
    }
    if (!exposedPorts.isEmpty()) {
      Set<String> ports = new LinkedHashSet<>(config.exposedPorts());
      for (String port : exposedPorts) {
        ports.add(port.contains("/") ? port : port + "/tcp");
      }
      builder.exposedPorts(ports);
    }
    return builder.build();
  }
}
