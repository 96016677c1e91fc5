package dev.containerregistry.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest ({@code Implementation-Version}), if it has one. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = Crs.class.getPackage().getImplementationVersion();
    return new String[] {"crs " + (version == null ? "(development build)" : version)};
  }
}
