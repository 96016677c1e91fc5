package dev.containerregistry.v1.tarball;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of Docker's {@code manifest.json}: the config file, the tags and the layer files of an
 * image, each a path inside the tarball.
 *
 * @param config the path of the config file
 * @param repoTags the tags, as {@code docker images} shows them
 * @param layers the paths of the layer files, base first
 */
record ManifestJson(String config, List<String> repoTags, List<String> layers) {

  private static final ObjectMapper JSON = new ObjectMapper();

  ManifestJson {
    repoTags = List.copyOf(repoTags);
    layers = List.copyOf(layers);
  }

  /** The entries of {@code raw}, with every path checked to stay inside the archive. */
  static List<ManifestJson> parse(byte[] raw, String where) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(raw);
    } catch (IOException e) {
      throw new IOException(where + ": manifest.json is not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isArray()) {
      throw new IOException(where + ": manifest.json is not a JSON array");
    }
    List<ManifestJson> entries = new ArrayList<>();
    for (JsonNode node : root) {
      String at = where + ": manifest.json entry " + entries.size();
      JsonNode config = node.path("Config");
      if (!config.isTextual()) {
        throw new IOException(at + " has no Config");
      }
      List<String> tags = new ArrayList<>();
      for (JsonNode tag : node.path("RepoTags")) {
        tags.add(tag.asText());
      }
      List<String> layers = new ArrayList<>();
      for (JsonNode layer : node.path("Layers")) {
        layers.add(ArchiveNames.safePath(layer.asText(), at));
      }
      entries.add(new ManifestJson(ArchiveNames.safePath(config.asText(), at), tags, layers));
    }
    return entries;
  }

  /** {@code manifest.json} for {@code entries}. */
  static byte[] toJson(List<ManifestJson> entries) throws IOException {
    ArrayNode root = JSON.createArrayNode();
    for (ManifestJson entry : entries) {
      ObjectNode node = root.addObject();
      node.put("Config", entry.config());
      ArrayNode tags = node.putArray("RepoTags");
      entry.repoTags().forEach(tags::add);
      ArrayNode layers = node.putArray("Layers");
      entry.layers().forEach(layers::add);
    }
    return JSON.writeValueAsBytes(root);
  }
}
