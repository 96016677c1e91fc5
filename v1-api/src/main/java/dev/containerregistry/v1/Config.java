package dev.containerregistry.v1;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a container from this image runs: command, environment, user, ports, volumes, labels and the
 * rest of the {@code config} object of an image config. Strings are "" and collections empty when
 * unset; JSON omits them, as Go does. Field names follow the JSON (Docker) names.
 *
 * @param attachStderr whether to attach standard error
 * @param attachStdin whether to attach standard input
 * @param attachStdout whether to attach standard output
 * @param cmd the default arguments (or command, without entrypoint)
 * @param healthcheck the health check
 * @param domainname the domain name
 * @param entrypoint the command run when the container starts
 * @param env environment variables as {@code NAME=value}
 * @param hostname the host name
 * @param image the image the container was made from (Docker legacy)
 * @param labels labels
 * @param onBuild {@code ONBUILD} triggers
 * @param openStdin whether to keep standard input open
 * @param stdinOnce whether to close standard input after one attach
 * @param tty whether to allocate a terminal
 * @param user the user (and group) the process runs as
 * @param volumes paths that are volumes
 * @param workingDir the working directory
 * @param exposedPorts exposed ports such as {@code 80/tcp}
 * @param argsEscaped Windows: the command line is already escaped
 * @param networkDisabled whether to disable networking
 * @param macAddress the MAC address
 * @param stopSignal the signal that stops the container
 * @param shell the shell for the shell form of commands
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/config.md">OCI image
 *     config</a>
 */
public record Config(
    boolean attachStderr,
    boolean attachStdin,
    boolean attachStdout,
    List<String> cmd,
    Optional<HealthConfig> healthcheck,
    String domainname,
    List<String> entrypoint,
    List<String> env,
    String hostname,
    String image,
    Map<String, String> labels,
    List<String> onBuild,
    boolean openStdin,
    boolean stdinOnce,
    boolean tty,
    String user,
    Set<String> volumes,
    String workingDir,
    Set<String> exposedPorts,
    boolean argsEscaped,
    boolean networkDisabled,
    String macAddress,
    String stopSignal,
    List<String> shell) {

  /** The empty config: Go writes it as {@code {}}. */
  public static final Config EMPTY = builder().build();

  /** Refuses nulls and copies the collections. */
  public Config {
    cmd = Copies.list(cmd, "cmd");
    Objects.requireNonNull(healthcheck, "healthcheck");
    Objects.requireNonNull(domainname, "domainname");
    entrypoint = Copies.list(entrypoint, "entrypoint");
    env = Copies.list(env, "env");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(image, "image");
    labels = Copies.map(labels, "labels");
    onBuild = Copies.list(onBuild, "onBuild");
    Objects.requireNonNull(user, "user");
    volumes = Copies.set(volumes, "volumes");
    Objects.requireNonNull(workingDir, "workingDir");
    exposedPorts = Copies.set(exposedPorts, "exposedPorts");
    Objects.requireNonNull(macAddress, "macAddress");
    Objects.requireNonNull(stopSignal, "stopSignal");
    shell = Copies.list(shell, "shell");
  }

  /** A builder with every field unset. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this config. */
  public Builder toBuilder() {
    return new Builder()
        .attachStderr(attachStderr)
        .attachStdin(attachStdin)
        .attachStdout(attachStdout)
        .cmd(cmd)
        .healthcheck(healthcheck.orElse(null))
        .domainname(domainname)
        .entrypoint(entrypoint)
        .env(env)
        .hostname(hostname)
        .image(image)
        .labels(labels)
        .onBuild(onBuild)
        .openStdin(openStdin)
        .stdinOnce(stdinOnce)
        .tty(tty)
        .user(user)
        .volumes(volumes)
        .workingDir(workingDir)
        .exposedPorts(exposedPorts)
        .argsEscaped(argsEscaped)
        .networkDisabled(networkDisabled)
        .macAddress(macAddress)
        .stopSignal(stopSignal)
        .shell(shell);
  }

  static Config read(JsonFields in) throws MalformedDocumentException {
    return new Config(
        in.bool("AttachStderr"),
        in.bool("AttachStdin"),
        in.bool("AttachStdout"),
        in.strings("Cmd"),
        in.object("Healthcheck", HealthConfig::read),
        in.string("Domainname"),
        in.strings("Entrypoint"),
        in.strings("Env"),
        in.string("Hostname"),
        in.string("Image"),
        in.stringMap("Labels"),
        in.strings("OnBuild"),
        in.bool("OpenStdin"),
        in.bool("StdinOnce"),
        in.bool("Tty"),
        in.string("User"),
        in.keySet("Volumes"),
        in.string("WorkingDir"),
        in.keySet("ExposedPorts"),
        in.bool("ArgsEscaped"),
        in.bool("NetworkDisabled"),
        in.string("MacAddress"),
        in.string("StopSignal"),
        in.strings("Shell"));
  }

  void writeFields(JsonOut out) throws IOException {
    out.omitFalse("AttachStderr", attachStderr);
    out.omitFalse("AttachStdin", attachStdin);
    out.omitFalse("AttachStdout", attachStdout);
    out.omitEmptyStrings("Cmd", cmd);
    out.omitEmpty("Healthcheck", healthcheck, HealthConfig::writeFields);
    out.omitEmpty("Domainname", domainname);
    out.omitEmptyStrings("Entrypoint", entrypoint);
    out.omitEmptyStrings("Env", env);
    out.omitEmpty("Hostname", hostname);
    out.omitEmpty("Image", image);
    out.omitEmpty("Labels", labels);
    out.omitEmptyStrings("OnBuild", onBuild);
    out.omitFalse("OpenStdin", openStdin);
    out.omitFalse("StdinOnce", stdinOnce);
    out.omitFalse("Tty", tty);
    out.omitEmpty("User", user);
    out.omitEmptySet("Volumes", volumes);
    out.omitEmpty("WorkingDir", workingDir);
    out.omitEmptySet("ExposedPorts", exposedPorts);
    out.omitFalse("ArgsEscaped", argsEscaped);
    out.omitFalse("NetworkDisabled", networkDisabled);
    out.omitEmpty("MacAddress", macAddress);
    out.omitEmpty("StopSignal", stopSignal);
    out.omitEmptyStrings("Shell", shell);
  }

  /** Builds a {@link Config}; unset fields are empty. */
  public static final class Builder {
    private boolean attachStderr;
    private boolean attachStdin;
    private boolean attachStdout;
    private List<String> cmd = List.of();
    private @Nullable HealthConfig healthcheck;
    private String domainname = "";
    private List<String> entrypoint = List.of();
    private List<String> env = List.of();
    private String hostname = "";
    private String image = "";
    private Map<String, String> labels = Map.of();
    private List<String> onBuild = List.of();
    private boolean openStdin;
    private boolean stdinOnce;
    private boolean tty;
    private String user = "";
    private Set<String> volumes = Set.of();
    private String workingDir = "";
    private Set<String> exposedPorts = Set.of();
    private boolean argsEscaped;
    private boolean networkDisabled;
    private String macAddress = "";
    private String stopSignal = "";
    private List<String> shell = List.of();

    private Builder() {}

    /** Sets whether to attach standard error. */
    public Builder attachStderr(boolean attachStderr) {
      this.attachStderr = attachStderr;
      return this;
    }

    /** Sets whether to attach standard input. */
    public Builder attachStdin(boolean attachStdin) {
      this.attachStdin = attachStdin;
      return this;
    }

    /** Sets whether to attach standard output. */
    public Builder attachStdout(boolean attachStdout) {
      this.attachStdout = attachStdout;
      return this;
    }

    /** Sets the default arguments (or command, without entrypoint). */
    public Builder cmd(List<String> cmd) {
      this.cmd = cmd;
      return this;
    }

    /** Sets the health check; null clears it. */
    public Builder healthcheck(@Nullable HealthConfig healthcheck) {
      this.healthcheck = healthcheck;
      return this;
    }

    /** Sets the domain name. */
    public Builder domainname(String domainname) {
      this.domainname = domainname;
      return this;
    }

    /** Sets the command run when the container starts. */
    public Builder entrypoint(List<String> entrypoint) {
      this.entrypoint = entrypoint;
      return this;
    }

    /** Sets environment variables as {@code NAME=value}. */
    public Builder env(List<String> env) {
      this.env = env;
      return this;
    }

    /** Sets the host name. */
    public Builder hostname(String hostname) {
      this.hostname = hostname;
      return this;
    }

    /** Sets the image the container was made from (Docker legacy). */
    public Builder image(String image) {
      this.image = image;
      return this;
    }

    /** Sets labels. */
    public Builder labels(Map<String, String> labels) {
      this.labels = labels;
      return this;
    }

    /** Sets {@code ONBUILD} triggers. */
    public Builder onBuild(List<String> onBuild) {
      this.onBuild = onBuild;
      return this;
    }

    /** Sets whether to keep standard input open. */
    public Builder openStdin(boolean openStdin) {
      this.openStdin = openStdin;
      return this;
    }

    /** Sets whether to close standard input after one attach. */
    public Builder stdinOnce(boolean stdinOnce) {
      this.stdinOnce = stdinOnce;
      return this;
    }

    /** Sets whether to allocate a terminal. */
    public Builder tty(boolean tty) {
      this.tty = tty;
      return this;
    }

    /** Sets the user (and group) the process runs as. */
    public Builder user(String user) {
      this.user = user;
      return this;
    }

    /** Sets paths that are volumes. */
    public Builder volumes(Set<String> volumes) {
      this.volumes = volumes;
      return this;
    }

    /** Sets the working directory. */
    public Builder workingDir(String workingDir) {
      this.workingDir = workingDir;
      return this;
    }

    /** Sets exposed ports such as {@code 80/tcp}. */
    public Builder exposedPorts(Set<String> exposedPorts) {
      this.exposedPorts = exposedPorts;
      return this;
    }

    /** Sets Windows: the command line is already escaped. */
    public Builder argsEscaped(boolean argsEscaped) {
      this.argsEscaped = argsEscaped;
      return this;
    }

    /** Sets whether to disable networking. */
    public Builder networkDisabled(boolean networkDisabled) {
      this.networkDisabled = networkDisabled;
      return this;
    }

    /** Sets the MAC address. */
    public Builder macAddress(String macAddress) {
      this.macAddress = macAddress;
      return this;
    }

    /** Sets the signal that stops the container. */
    public Builder stopSignal(String stopSignal) {
      this.stopSignal = stopSignal;
      return this;
    }

    /** Sets the shell for the shell form of commands. */
    public Builder shell(List<String> shell) {
      this.shell = shell;
      return this;
    }

    /** The config. */
    public Config build() {
      return new Config(
          attachStderr,
          attachStdin,
          attachStdout,
          cmd,
          Optional.ofNullable(healthcheck),
          domainname,
          entrypoint,
          env,
          hostname,
          image,
          labels,
          onBuild,
          openStdin,
          stdinOnce,
          tty,
          user,
          volumes,
          workingDir,
          exposedPorts,
          argsEscaped,
          networkDisabled,
          macAddress,
          stopSignal,
          shell);
    }
  }
}
