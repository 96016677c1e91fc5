package dev.containerregistry.v1;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A read view of one JSON object that knows where it sits in which document, so every refusal names
 * the document and the field. Absent fields and {@code null} read as Go's zero values (empty
 * string, 0, false, empty list), unknown fields are ignored, wrong types are refused.
 */
final class JsonFields {

  /** Reads one value of a list or object field. */
  @FunctionalInterface
  interface Reader<T> {
    T read(JsonFields fields) throws MalformedDocumentException;
  }

  private final String document;
  private final String path;
  private final JsonNode node;

  JsonFields(String document, String path, JsonNode node) {
    this.document = document;
    this.path = path;
    this.node = node;
  }

  /** A refusal of {@code name} in this object. */
  MalformedDocumentException error(String name, String problem) {
    return new MalformedDocumentException(document, child(name), problem);
  }

  /** The string value of {@code name}, or "" when absent. */
  String string(String name) throws MalformedDocumentException {
    JsonNode value = value(name);
    if (value == null) {
      return "";
    }
    if (!value.isTextual()) {
      throw error(name, "expected a string, got " + value);
    }
    return value.textValue();
  }

  /** The integer value of {@code name}, or 0 when absent. */
  long integer(String name) throws MalformedDocumentException {
    JsonNode value = value(name);
    if (value == null) {
      return 0;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw error(name, "expected a 64-bit integer, got " + value);
    }
    return value.longValue();
  }

  /** Like {@link #integer} but refusing negative values. */
  long size(String name) throws MalformedDocumentException {
    long size = integer(name);
    if (size < 0) {
      throw error(name, "a size cannot be negative, got " + size);
    }
    return size;
  }

  /** The {@code schemaVersion} field, refused unless it is 2. */
  long schemaVersion() throws MalformedDocumentException {
    long version = integer("schemaVersion");
    if (version != Manifest.SCHEMA_VERSION) {
      throw error(
          "schemaVersion",
          "unsupported schema version "
              + version
              + ", only "
              + Manifest.SCHEMA_VERSION
              + " is read");
    }
    return version;
  }

  /** The boolean value of {@code name}, or false when absent. */
  boolean bool(String name) throws MalformedDocumentException {
    JsonNode value = value(name);
    if (value == null) {
      return false;
    }
    if (!value.isBoolean()) {
      throw error(name, "expected true or false, got " + value);
    }
    return value.booleanValue();
  }

  /** A required digest. */
  Hash hash(String name) throws MalformedDocumentException {
    return parseHash(name, required(name, "a digest"));
  }

  /** An optional media type; absent or "" reads as empty. */
  Optional<MediaType> mediaType(String name) throws MalformedDocumentException {
    String value = string(name);
    return value.isBlank() ? Optional.empty() : Optional.of(MediaType.of(value));
  }

  /** A required, non-blank media type. */
  MediaType requiredMediaType(String name) throws MalformedDocumentException {
    return mediaType(name).orElseThrow(() -> error(name, "a media type is required"));
  }

  /** An RFC 3339 time, or {@link ConfigFile#ZERO_TIME} when absent. */
  Instant time(String name) throws MalformedDocumentException {
    if (value(name) == null) {
      return ConfigFile.ZERO_TIME;
    }
    String value = string(name);
    try {
      return GoTime.parse(value);
    } catch (IllegalArgumentException e) {
      throw error(name, String.valueOf(e.getMessage()));
    }
  }

  /** Standard base64 bytes, or an empty array when absent. */
  byte[] base64(String name) throws MalformedDocumentException {
    String value = string(name);
    try {
      return Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw error(name, "expected standard base64, got \"" + value + "\"");
    }
  }

  /** A nested object, if present. */
  Optional<JsonFields> object(String name) throws MalformedDocumentException {
    JsonNode value = value(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      throw error(name, "expected an object, got " + value);
    }
    return Optional.of(new JsonFields(document, child(name), value));
  }

  /** A nested object read by {@code reader}, if present. */
  <T> Optional<T> object(String name, Reader<T> reader) throws MalformedDocumentException {
    Optional<JsonFields> fields = object(name);
    return fields.isPresent() ? Optional.of(reader.read(fields.get())) : Optional.empty();
  }

  /** A required nested object read by {@code reader}. */
  <T> T requiredObject(String name, Reader<T> reader) throws MalformedDocumentException {
    return reader.read(object(name).orElseThrow(() -> error(name, "an object is required")));
  }

  /** A list of objects, each read by {@code reader}; empty when absent. */
  <T> List<T> list(String name, Reader<T> reader) throws MalformedDocumentException {
    JsonNode array = array(name);
    List<T> out = new ArrayList<>();
    for (int i = 0; array != null && i < array.size(); i++) {
      JsonNode element = array.get(i);
      String at = child(name) + "[" + i + "]";
      if (!element.isObject()) {
        throw new MalformedDocumentException(document, at, "expected an object, got " + element);
      }
      out.add(reader.read(new JsonFields(document, at, element)));
    }
    return out;
  }

  /** A list of strings; empty when absent. */
  List<String> strings(String name) throws MalformedDocumentException {
    JsonNode array = array(name);
    List<String> out = new ArrayList<>();
    for (int i = 0; array != null && i < array.size(); i++) {
      JsonNode element = array.get(i);
      if (!element.isTextual()) {
        throw new MalformedDocumentException(
            document, child(name) + "[" + i + "]", "expected a string, got " + element);
      }
      out.add(element.textValue());
    }
    return out;
  }

  /** A list of digests; empty when absent. */
  List<Hash> hashes(String name) throws MalformedDocumentException {
    List<String> values = strings(name);
    List<Hash> out = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      out.add(parseHash(name + "[" + i + "]", values.get(i)));
    }
    return out;
  }

  /** An object of string values; empty when absent. */
  Map<String, String> stringMap(String name) throws MalformedDocumentException {
    Optional<JsonFields> object = object(name);
    Map<String, String> out = new LinkedHashMap<>();
    if (object.isPresent()) {
      for (String key : object.get().keys()) {
        JsonNode value = object.get().node.get(key);
        if (!value.isTextual()) {
          throw object.get().error(key, "expected a string, got " + value);
        }
        out.put(key, value.textValue());
      }
    }
    return out;
  }

  /** The keys of an object whose values are ignored ({@code {"80/tcp":{}}}); empty when absent. */
  Set<String> keySet(String name) throws MalformedDocumentException {
    Optional<JsonFields> object = object(name);
    return object.isPresent() ? object.get().keys() : new LinkedHashSet<>();
  }

  private Set<String> keys() {
    Set<String> keys = new LinkedHashSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    return keys;
  }

  private Hash parseHash(String name, String value) throws MalformedDocumentException {
    try {
      return Hash.parse(value);
    } catch (IllegalArgumentException e) {
      throw error(name, String.valueOf(e.getMessage()));
    }
  }

  private String required(String name, String what) throws MalformedDocumentException {
    String value = string(name);
    if (value.isEmpty()) {
      throw error(name, what + " is required");
    }
    return value;
  }

  private @Nullable JsonNode array(String name) throws MalformedDocumentException {
    JsonNode value = value(name);
    if (value != null && !value.isArray()) {
      throw error(name, "expected an array, got " + value);
    }
    return value;
  }

  private @Nullable JsonNode value(String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }

  private String child(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
