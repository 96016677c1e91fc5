package dev.containerregistry.v1.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Tag;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.tarball.Tarball;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The local Docker engine, reached over its HTTP API on a Unix socket (no docker CLI): {@link
 * #load(Map)} streams images into it as a tarball ({@code POST /images/load}); {@link
 * #image(Reference)} reads one out of it ({@code GET /images/{name}/get}).
 *
 * <pre>{@code
 * Daemon daemon = Daemon.fromEnvironment();   // DOCKER_HOST, else unix:///var/run/docker.sock
 * daemon.load(Map.of(Tag.parse("example.com/app:dev"), image));
 * Image back = daemon.image(Reference.parse("example.com/app:dev"));
 * }</pre>
 */
public final class Daemon {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ERROR_BODY_LIMIT = 16 * 1024;

  private final String address;
  private final UnixHttp http;

  private Daemon(String address) {
    this.address = address;
    this.http = new UnixHttp(EngineAddress.socket(address));
  }

  /** The engine named by {@code DOCKER_HOST}, or {@code unix:///var/run/docker.sock}. */
  public static Daemon fromEnvironment() {
    return at(EngineAddress.fromEnvironment(System.getenv()));
  }

  /**
   * The engine at {@code address}, for example {@code unix:///run/user/1000/docker.sock}.
   *
   * @throws IllegalArgumentException when {@code address} is not a {@code unix://} address
   */
  public static Daemon at(String address) {
    return new Daemon(Objects.requireNonNull(address, "address"));
  }

  /** The engine's address, as given. */
  public String address() {
    return address;
  }

  /**
   * Loads tagged images into the engine, streaming them as one tarball; nothing is held in memory
   * or written to disk.
   *
   * @throws EngineException when the engine refuses the tarball, with its message
   */
  public void load(Map<Tag, Image> images) throws IOException {
    Objects.requireNonNull(images, "images");
    String request = "POST /images/load";
    try (UnixHttp.Response response =
        send(
            "POST",
            "/images/load?quiet=1",
            Map.of("Content-Type", "application/x-tar"),
            out -> Tarball.write(images, out))) {
      requireOk(response, request);
      readProgress(response.body, request);
    }
  }

  /**
   * The image {@code reference} names in the engine. The engine hands images out only as a whole
   * tarball, so it is copied to a temporary file (deleted when the JVM exits) and read from there
   * lazily.
   *
   * @throws EngineException when the engine has no such image, or refuses
   */
  public Image image(Reference reference) throws IOException {
    String name = pathName(reference);
    String inspect = "GET /images/" + name + "/json";
    try (UnixHttp.Response response = send("GET", "/images/" + name + "/json", Map.of(), null)) {
      requireOk(response, inspect);
    }
    String get = "GET /images/" + name + "/get";
    Path file = Files.createTempFile("docker-image-", ".tar");
    file.toFile().deleteOnExit();
    try (UnixHttp.Response response = send("GET", "/images/" + name + "/get", Map.of(), null)) {
      requireOk(response, get);
      Files.copy(response.body, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    return Tarball.open(file).image(0);
  }

  @Override
  public String toString() {
    return "Daemon[" + address + "]";
  }

  private UnixHttp.Response send(
      String method, String target, Map<String, String> headers, UnixHttp.@Nullable Body body)
      throws IOException {
    try {
      return http.send(method, target, headers, body);
    } catch (EngineException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException(
          "Docker engine " + address + ": " + method + " " + target + " failed: " + e.getMessage(),
          e);
    }
  }

  private void requireOk(UnixHttp.Response response, String request) throws IOException {
    if (response.status / 100 == 2) {
      return;
    }
    String text = response.text(ERROR_BODY_LIMIT);
    String message = text;
    try {
      JsonNode json = JSON.readTree(text);
      if (json != null && json.path("message").isTextual()) {
        message = json.path("message").asText();
      }
    } catch (IOException notJson) {
      // the raw text is the message
    }
    throw new EngineException(
        "Docker engine "
            + address
            + ": "
            + request
            + " answered "
            + response.status
            + ": "
            + message,
        response.status);
  }

  /** The engine reports a failed load as a JSON line with {@code error} in a 200 response. */
  private void readProgress(InputStream body, String request) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    for (String line; (line = lines.readLine()) != null; ) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode json = JSON.readTree(line);
      if (json != null && (json.has("error") || json.has("errorDetail"))) {
        String message =
            json.path("errorDetail").path("message").asText(json.path("error").asText());
        throw new EngineException(
            "Docker engine " + address + ": " + request + " failed: " + message, 0);
      }
    }
  }

  /** The reference as the engine's API path wants it, percent-encoded except for / and :. */
  private static String pathName(Reference reference) {
    return URLEncoder.encode(reference.name(), StandardCharsets.UTF_8)
        .replace("%2F", "/")
        .replace("%3A", ":")
        .replace("%40", "@");
  }
}
