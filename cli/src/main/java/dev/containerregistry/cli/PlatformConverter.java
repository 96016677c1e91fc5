package dev.containerregistry.cli;

import dev.containerregistry.v1.Platform;
import picocli.CommandLine.ITypeConverter;

/** Parses {@code os/arch[/variant][:osversion]}; a malformed value is a usage error. */
final class PlatformConverter implements ITypeConverter<Platform> {

  @Override
  public Platform convert(String value) {
    Platform platform = Platform.parse(value);
    if (platform.os().isEmpty() || platform.architecture().isEmpty()) {
      throw new IllegalArgumentException("platform \"" + value + "\" is not OS/ARCH");
    }
    return platform;
  }
}
