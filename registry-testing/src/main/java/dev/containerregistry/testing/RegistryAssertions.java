package dev.containerregistry.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.IndexManifest;
import dev.containerregistry.v1.Manifest;
import dev.containerregistry.v1.remote.FetchedManifest;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.remote.transport.ErrorCode;
import dev.containerregistry.v1.remote.transport.TransportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Assertions about what a registry holds, read over the registry API with the given options. Each
 * failure says what was expected and shows what the registry holds instead (its tags, the
 * manifest's layers, platforms or annotations, the config JSON).
 *
 * <pre>{@code
 * RegistryAssertions holds = registry.assertions();
 * holds.assertTags(registry.repository("app"), "1", "latest");
 * holds.assertLayerCount(registry.reference("app:1"), 3);
 * holds.assertConfigValue(registry.reference("app:1"), "/config/User", "app");
 * }</pre>
 */
public final class RegistryAssertions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RemoteOptions options;

  /** Assertions reading with {@code options} (credentials, trust). */
  public RegistryAssertions(RemoteOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** The repository lists exactly {@code expected} (in any order). */
  public void assertTags(Repository repository, String... expected) throws IOException {
    TreeSet<String> want = new TreeSet<>(List.of(expected));
    TreeSet<String> have = new TreeSet<>(tags(repository));
    if (!want.equals(have)) {
      fail(repository + ": expected the tags " + want + " but the registry lists " + have);
    }
  }

  /** The repository lists {@code tag}, among others perhaps. */
  public void assertHasTag(Repository repository, String tag) throws IOException {
    List<String> have = tags(repository);
    if (!have.contains(tag)) {
      fail(repository + ": expected the tag " + tag + " but the registry lists " + have);
    }
  }

  /** {@code reference} names a manifest whose digest is {@code digest}. */
  public void assertManifest(Reference reference, Hash digest) throws IOException {
    FetchedManifest fetched = fetch(reference);
    if (!fetched.digest().equals(digest)) {
      fail(
          reference
              + ": expected the manifest "
              + digest
              + " but the registry serves "
              + fetched.digest()
              + " ("
              + fetched.mediaType()
              + "):\n"
              + text(fetched.bytes()));
    }
  }

  /** The registry has no manifest for {@code reference} (answers {@code MANIFEST_UNKNOWN}). */
  public void assertMissing(Reference reference) throws IOException {
    Optional<FetchedManifest> fetched = find(reference);
    if (fetched.isPresent()) {
      fail(
          reference
              + ": expected no manifest but the registry serves "
              + fetched.get().digest()
              + " ("
              + fetched.get().mediaType()
              + ")");
    }
  }

  /**
   * {@code reference} names an index whose children have exactly the {@code platforms} (as {@code
   * os/arch[/variant]}, in index order).
   */
  public void assertPlatforms(Reference reference, String... platforms) throws IOException {
    FetchedManifest fetched = fetch(reference);
    if (!fetched.mediaType().isIndex()) {
      fail(
          reference
              + ": expected an index of "
              + List.of(platforms)
              + " but the registry serves a single "
              + fetched.mediaType()
              + " manifest "
              + fetched.digest());
    }
    List<String> have = new ArrayList<>();
    for (Descriptor child : IndexManifest.parse(fetched.bytes()).manifests()) {
      have.add(child.platform().map(Object::toString).orElse("(no platform)"));
    }
    if (!have.equals(List.of(platforms))) {
      fail(
          reference
              + ": expected the platforms "
              + List.of(platforms)
              + " but the index "
              + fetched.digest()
              + " holds "
              + have);
    }
  }

  /** {@code reference} names an image of {@code count} layers. */
  public void assertLayerCount(Reference reference, int count) throws IOException {
    Manifest manifest = imageManifest(reference);
    if (manifest.layers().size() != count) {
      List<String> layers =
          manifest.layers().stream().map(l -> l.digest() + " (" + l.size() + " bytes)").toList();
      fail(
          reference
              + ": expected "
              + count
              + " layers but the image has "
              + layers.size()
              + ": "
              + layers);
    }
  }

  /** The manifest (image or index) at {@code reference} has the annotation {@code key=value}. */
  public void assertAnnotation(Reference reference, String key, String value) throws IOException {
    FetchedManifest fetched = fetch(reference);
    Map<String, String> annotations =
        fetched.mediaType().isIndex()
            ? IndexManifest.parse(fetched.bytes()).annotations()
            : Manifest.parse(fetched.bytes()).annotations();
    if (!value.equals(annotations.get(key))) {
      fail(
          reference
              + ": expected the annotation "
              + key
              + "="
              + value
              + " but the manifest "
              + fetched.digest()
              + " has "
              + annotations);
    }
  }

  /**
   * The config of the image at {@code reference} holds {@code expected} at {@code jsonPointer} (RFC
   * 6901, such as {@code /config/Entrypoint/0} or {@code /architecture}); a text value is compared
   * as is, any other value as JSON.
   */
  public void assertConfigValue(Reference reference, String jsonPointer, String expected)
      throws IOException {
    Image image = Remote.image(reference, options);
    byte[] raw = image.rawConfigFile();
    JsonNode node = JSON.readTree(raw).at(jsonPointer);
    String actual =
        node.isMissingNode() ? null : node.isTextual() ? node.asText() : node.toString();
    if (!expected.equals(actual)) {
      fail(
          reference
              + ": expected "
              + jsonPointer
              + " = "
              + expected
              + " in the config but it is "
              + (actual == null ? "absent" : actual)
              + "; the config "
              + image.configName()
              + " is:\n"
              + text(raw));
    }
  }

  private Manifest imageManifest(Reference reference) throws IOException {
    FetchedManifest fetched = fetch(reference);
    if (fetched.mediaType().isIndex()) {
      List<String> children =
          IndexManifest.parse(fetched.bytes()).manifests().stream()
              .map(d -> d.digest() + " " + d.platform().map(Object::toString).orElse(""))
              .toList();
      fail(
          reference
              + ": expected an image but the registry serves an index of "
              + children
              + "; name one child by digest");
    }
    return Manifest.parse(fetched.bytes());
  }

  private List<String> tags(Repository repository) throws IOException {
    try {
      return Remote.list(repository, options);
    } catch (TransportException e) {
      if (e.hasCode(ErrorCode.NAME_UNKNOWN)) {
        return List.of();
      }
      throw e;
    }
  }

  private FetchedManifest fetch(Reference reference) throws IOException {
    return find(reference)
        .orElseThrow(
            () ->
                new AssertionError(
                    reference + ": the registry has no such manifest (MANIFEST_UNKNOWN)"));
  }

  private Optional<FetchedManifest> find(Reference reference) throws IOException {
    try {
      return Optional.of(Remote.get(reference, options));
    } catch (TransportException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static String text(byte[] json) {
    return new String(json, StandardCharsets.UTF_8);
  }
}
