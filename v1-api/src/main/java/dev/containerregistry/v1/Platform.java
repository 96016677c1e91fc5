package dev.containerregistry.v1;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The operating system and CPU an image runs on, as in an index's descriptors and an image's
 * config. Strings are "" when unset. {@link #equals} ignores the order of {@code osFeatures} and
 * {@code features}; JSON keeps the given order.
 *
 * @param os the operating system, for example {@code linux}
 * @param architecture the CPU architecture, for example {@code arm64}
 * @param variant the CPU variant, for example {@code v8}
 * @param osVersion the operating system version, for example {@code 10.0.17763.1040}
 * @param osFeatures required operating system features, for example {@code win32k}
 * @param features required CPU features (reserved by the OCI spec)
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-index.md">image index:
 *     platform</a>
 */
public record Platform(
    String os,
    String architecture,
    String variant,
    String osVersion,
    List<String> osFeatures,
    List<String> features) {

  /** Refuses nulls and copies the lists. */
  public Platform {
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(osVersion, "osVersion");
    osFeatures = Copies.list(osFeatures, "osFeatures");
    features = Copies.list(features, "features");
  }

  /** A platform with only an operating system and an architecture. */
  public static Platform of(String os, String architecture) {
    return new Platform(os, architecture, "", "", List.of(), List.of());
  }

  /**
   * Parses {@code os[/architecture[/variant]][:osVersion]} as {@code docker --platform} and Go's
   * {@code v1.ParsePlatform} do; surrounding spaces are ignored.
   *
   * @throws IllegalArgumentException quoting the input when it has more than two slashes or more
   *     than one colon
   */
  public static Platform parse(String s) {
    String trimmed = s.trim();
    String[] versionSplit = trimmed.split(":", -1);
    if (versionSplit.length > 2) {
      throw new IllegalArgumentException("too many colons in platform \"" + s + "\"");
    }
    String[] parts = versionSplit[0].split("/", -1);
    if (parts.length > 3) {
      throw new IllegalArgumentException("too many slashes in platform \"" + s + "\"");
    }
    return new Platform(
        parts[0],
        parts.length > 1 ? parts[1] : "",
        parts.length > 2 ? parts[2] : "",
        versionSplit.length > 1 ? versionSplit[1] : "",
        List.of(),
        List.of());
  }

  /** A copy with {@code variant} replaced. */
  public Platform withVariant(String variant) {
    return new Platform(os, architecture, variant, osVersion, osFeatures, features);
  }

  /** A copy with {@code osVersion} replaced. */
  public Platform withOsVersion(String osVersion) {
    return new Platform(os, architecture, variant, osVersion, osFeatures, features);
  }

  /** A copy with {@code osFeatures} replaced. */
  public Platform withOsFeatures(List<String> osFeatures) {
    return new Platform(os, architecture, variant, osVersion, osFeatures, features);
  }

  /** A copy with {@code features} replaced. */
  public Platform withFeatures(List<String> features) {
    return new Platform(os, architecture, variant, osVersion, osFeatures, features);
  }

  /**
   * True when this platform meets the requirements in {@code spec}: each non-empty string of the
   * spec is equal here, and the spec's feature lists are subsets of ours. Empty means "any", so
   * {@code Platform.parse("linux")} is satisfied by every Linux platform. Not symmetric.
   */
  public boolean satisfies(Platform spec) {
    return matches(spec.os, os)
        && matches(spec.architecture, architecture)
        && matches(spec.variant, variant)
        && matches(spec.osVersion, osVersion)
        && osFeatures.containsAll(spec.osFeatures)
        && features.containsAll(spec.features);
  }

  /** Equal fields, feature lists compared without regard to order. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Platform p
        && os.equals(p.os)
        && architecture.equals(p.architecture)
        && variant.equals(p.variant)
        && osVersion.equals(p.osVersion)
        && sorted(osFeatures).equals(sorted(p.osFeatures))
        && sorted(features).equals(sorted(p.features));
  }

  @Override
  public int hashCode() {
    return Objects.hash(os, architecture, variant, osVersion, sorted(osFeatures), sorted(features));
  }

  /**
   * {@code os[/architecture][/variant][:osVersion]}, or "" when {@code os} is empty, as Go prints
   * it; {@link #parse} reads it back.
   */
  @Override
  public String toString() {
    if (os.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(os);
    if (!architecture.isEmpty()) {
      out.append('/').append(architecture);
    }
    if (!variant.isEmpty()) {
      out.append('/').append(variant);
    }
    if (!osVersion.isEmpty()) {
      out.append(':').append(osVersion);
    }
    return out.toString();
  }

  static Platform read(JsonFields in) throws MalformedDocumentException {
    return new Platform(
        in.string("os"),
        in.string("architecture"),
        in.string("variant"),
        in.string("os.version"),
        in.strings("os.features"),
        in.strings("features"));
  }

  void writeFields(JsonOut out) throws IOException {
    out.string("architecture", architecture);
    out.string("os", os);
    out.omitEmpty("os.version", osVersion);
    out.omitEmptyStrings("os.features", osFeatures);
    out.omitEmpty("variant", variant);
    out.omitEmptyStrings("features", features);
  }

  private static boolean matches(String wanted, String have) {
    return wanted.isEmpty() || wanted.equals(have);
  }

  private static List<String> sorted(List<String> values) {
    List<String> copy = new ArrayList<>(values);
    Collections.sort(copy);
    return copy;
  }
}
