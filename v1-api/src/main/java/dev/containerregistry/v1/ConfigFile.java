package dev.containerregistry.v1;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An image's config file: platform, creation time, build history, the DiffIDs of its layers and how
 * to run it. {@link #parse} reads the bytes; {@link #toJson} writes the canonical bytes
 * go-containerregistry writes for the same content. Fields Go does not know (for example Docker's
 * {@code container_config}) are ignored on read and so not written back; the bytes an image was
 * read from are kept by the image itself.
 *
 * @param architecture the CPU architecture, always written
 * @param author who made the image
 * @param container the id of the container it was committed from (Docker legacy)
 * @param created when it was made; {@link #ZERO_TIME} when unknown; always written
 * @param dockerVersion the Docker version that built it (Docker legacy)
 * @param history the build steps, one per layer plus the empty ones
 * @param os the operating system, always written
 * @param rootFs the DiffIDs of the layers
 * @param config how to run a container
 * @param osVersion the operating system version (Windows)
 * @param variant the CPU variant
 * @param osFeatures required operating system features
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/config.md">OCI image
 *     config</a>
 */
public record ConfigFile(
    String architecture,
    String author,
    String container,
    Instant created,
    String dockerVersion,
    List<History> history,
    String os,
    RootFs rootFs,
    Config config,
    String osVersion,
    String variant,
    List<String> osFeatures) {

  /** Go's zero time, written {@code 0001-01-01T00:00:00Z}, meaning "not set". */
  public static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

  static final String DOCUMENT = "config file";

  /** Refuses nulls and times Go cannot write, and copies the lists. */
  public ConfigFile {
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(container, "container");
    GoTime.check(Objects.requireNonNull(created, "created"));
    Objects.requireNonNull(dockerVersion, "dockerVersion");
    history = Copies.list(history, "history");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(rootFs, "rootFs");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(osVersion, "osVersion");
    Objects.requireNonNull(variant, "variant");
    osFeatures = Copies.list(osFeatures, "osFeatures");
  }

  /**
   * Reads a config file; unknown fields are ignored.
   *
   * @throws MalformedDocumentException naming the field when the JSON is malformed, a DiffID is not
   *     a sha256 digest, a time is not RFC 3339 or a field has the wrong type
   */
  public static ConfigFile parse(byte[] json) throws MalformedDocumentException {
    JsonFields in = Json.read(DOCUMENT, json);
    return new ConfigFile(
        in.string("architecture"),
        in.string("author"),
        in.string("container"),
        in.time("created"),
        in.string("docker_version"),
        in.list("history", History::read),
        in.string("os"),
        in.object("rootfs", RootFs::read).orElse(new RootFs("", List.of())),
        in.object("config", Config::read).orElse(Config.EMPTY),
        in.string("os.version"),
        in.string("variant"),
        in.strings("os.features"));
  }

  /** The canonical bytes, in the field order and with the omissions of Go's {@code ConfigFile}. */
  public byte[] toJson() {
    return Json.write(
        out -> {
          out.string("architecture", architecture);
          out.omitEmpty("author", author);
          out.omitEmpty("container", container);
          out.time("created", created);
          out.omitEmpty("docker_version", dockerVersion);
          out.omitEmptyObjects("history", history, History::writeFields);
          out.string("os", os);
          out.object("rootfs", rootFs, RootFs::writeFields);
          out.object("config", config, Config::writeFields);
          out.omitEmpty("os.version", osVersion);
          out.omitEmpty("variant", variant);
          out.omitEmptyStrings("os.features", osFeatures);
        });
  }

  /**
   * The platform these fields describe, or empty when os, architecture, variant, OS version and OS
   * features are all unset.
   */
  public Optional<Platform> platform() {
    if (os.isEmpty()
        && architecture.isEmpty()
        && variant.isEmpty()
        && osVersion.isEmpty()
        && osFeatures.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Platform(os, architecture, variant, osVersion, osFeatures, List.of()));
  }

  /** A builder with every field unset, the zero time, and a {@code layers} root filesystem. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this config file. */
  public Builder toBuilder() {
    return new Builder()
        .architecture(architecture)
        .author(author)
        .container(container)
        .created(created)
        .dockerVersion(dockerVersion)
        .history(history)
        .os(os)
        .rootFs(rootFs)
        .config(config)
        .osVersion(osVersion)
        .variant(variant)
        .osFeatures(osFeatures);
  }

  /** Builds a {@link ConfigFile}. */
  public static final class Builder {
    private String architecture = "";
    private String author = "";
    private String container = "";
    private Instant created = ZERO_TIME;
    private String dockerVersion = "";
    private List<History> history = List.of();
    private String os = "";
    private RootFs rootFs = RootFs.of(List.of());
    private Config config = Config.EMPTY;
    private String osVersion = "";
    private String variant = "";
    private List<String> osFeatures = List.of();

    private Builder() {}

    /** Sets the CPU architecture. */
    public Builder architecture(String architecture) {
      this.architecture = architecture;
      return this;
    }

    /** Sets the author. */
    public Builder author(String author) {
      this.author = author;
      return this;
    }

    /** Sets the container id (Docker legacy). */
    public Builder container(String container) {
      this.container = container;
      return this;
    }

    /** Sets the creation time. */
    public Builder created(Instant created) {
      this.created = created;
      return this;
    }

    /** Sets the Docker version (Docker legacy). */
    public Builder dockerVersion(String dockerVersion) {
      this.dockerVersion = dockerVersion;
      return this;
    }

    /** Sets the build history. */
    public Builder history(List<History> history) {
      this.history = history;
      return this;
    }

    /** Sets the operating system. */
    public Builder os(String os) {
      this.os = os;
      return this;
    }

    /** Sets the root filesystem (the DiffIDs). */
    public Builder rootFs(RootFs rootFs) {
      this.rootFs = rootFs;
      return this;
    }

    /** Sets how to run a container. */
    public Builder config(Config config) {
      this.config = config;
      return this;
    }

    /** Sets the operating system version. */
    public Builder osVersion(String osVersion) {
      this.osVersion = osVersion;
      return this;
    }

    /** Sets the CPU variant. */
    public Builder variant(String variant) {
      this.variant = variant;
      return this;
    }

    /** Sets the required operating system features. */
    public Builder osFeatures(List<String> osFeatures) {
      this.osFeatures = osFeatures;
      return this;
    }

    /** Sets os, architecture, variant, OS version and OS features from {@code platform}. */
    public Builder platform(Platform platform) {
      return os(platform.os())
          .architecture(platform.architecture())
          .variant(platform.variant())
          .osVersion(platform.osVersion())
          .osFeatures(platform.osFeatures());
    }

    /** The config file. */
    public ConfigFile build() {
      return new ConfigFile(
          architecture,
          author,
          container,
          created,
          dockerVersion,
          history,
          os,
          rootFs,
          config,
          osVersion,
          variant,
          osFeatures);
    }
  }
}
