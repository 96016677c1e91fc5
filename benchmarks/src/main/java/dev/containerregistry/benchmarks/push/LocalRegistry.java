package dev.containerregistry.benchmarks.push;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Distribution registry (registry:2's server) on loopback with empty storage, started for one run
 * so that no blob of an earlier run can be found and skipped: Debian's {@code docker-registry}
 * binary when it is installed, otherwise a {@code registry:2} container (never pulled here).
 */
final class LocalRegistry implements AutoCloseable {

  private final Process process;
  private final Path storage;
  private final int port;
  private final boolean container;

  private LocalRegistry(Process process, Path storage, int port, boolean container) {
    this.process = process;
    this.storage = storage;
    this.port = port;
    this.container = container;
  }

  /** Starts a registry keeping its blobs (if it runs here) under {@code dir}, and waits for it. */
  static LocalRegistry start(Path dir, boolean useContainer) throws IOException {
    int port = freePort();
    Path storage = Files.createDirectories(dir.resolve("registry-" + port));
    Process process;
    if (useContainer) {
      process =
          new ProcessBuilder(
                  "docker",
                  "run",
                  "--rm",
                  "--name",
                  "push-side-by-side-" + port,
                  "-p",
                  "127.0.0.1:" + port + ":5000",
                  "registry:2")
              .redirectErrorStream(true)
              .redirectOutput(storage.resolve("registry.log").toFile())
              .start();
    } else {
      Path config = storage.resolve("config.yml");
      Files.writeString(
          config,
          String.join(
              "\n",
              "version: 0.1",
              "log:",
              "  level: error",
              "storage:",
              "  filesystem:",
              "    rootdirectory: " + storage.resolve("data"),
              "http:",
              "  addr: 127.0.0.1:" + port,
              ""));
      process =
          new ProcessBuilder("docker-registry", "serve", config.toString())
              .redirectErrorStream(true)
              .redirectOutput(storage.resolve("registry.log").toFile())
              .start();
    }
    LocalRegistry registry = new LocalRegistry(process, storage, port, useContainer);
    registry.awaitReady();
    return registry;
  }

  /** True when no {@code docker-registry} binary is on the PATH, so a container is needed. */
  static boolean needsContainer() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(":"))
        .noneMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "docker-registry")));
  }

  /** {@code localhost:PORT}. */
  String address() {
    return "localhost:" + port;
  }

  /** Stops the registry and deletes what it stored. */
  @Override
  public void close() throws IOException {
    if (container) {
      run(List.of("docker", "rm", "-f", "push-side-by-side-" + port));
    }
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Directories.deleteTree(storage);
  }

  private void awaitReady() throws IOException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ping = HttpRequest.newBuilder(URI.create("http://" + address() + "/v2/")).build();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException(
            "the registry stopped at once; see " + storage.resolve("registry.log"));
      }
      try {
        if (answers(http, ping)) {
          return;
        }
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the registry", e);
      }
    }
    throw new IOException("the registry at " + address() + " did not answer within 30 s");
  }

  private static boolean answers(HttpClient http, HttpRequest ping) throws InterruptedException {
    try {
      return http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notListeningYet) {
      return false;
    }
  }

  private static void run(List<String> command) throws IOException {
    try {
      new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
