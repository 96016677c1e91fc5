package dev.containerregistry.v1.daemon;

import java.nio.file.Path;
import java.util.Map;

/** Where the engine listens: {@code DOCKER_HOST} ({@code unix://…}) or the default socket. */
final class EngineAddress {

  static final String DEFAULT = "unix:///var/run/docker.sock";
  private static final String UNIX = "unix://";

  private EngineAddress() {}

  /** {@code DOCKER_HOST} from {@code environment}, or the default socket. */
  static String fromEnvironment(Map<String, String> environment) {
    String host = environment.get("DOCKER_HOST");
    return host == null || host.isBlank() ? DEFAULT : host;
  }

  /**
   * The socket file of a {@code unix://} address.
   *
   * @throws IllegalArgumentException for any other scheme
   */
  static Path socket(String address) {
    if (!address.startsWith(UNIX) || address.length() == UNIX.length()) {
      throw new IllegalArgumentException(
          "Docker engine address '"
              + address
              + "': only unix:///path/to/docker.sock is supported (set DOCKER_HOST)");
    }
    return Path.of(address.substring(UNIX.length()));
  }
}
