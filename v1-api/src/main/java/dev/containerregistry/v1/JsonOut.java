package dev.containerregistry.v1;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes fields in the order the caller gives, with Go's {@code omitempty} rules spelled out: the
 * {@code omitEmpty}/{@code omitZero} methods skip "", 0, false and empty collections; the others
 * always write. Map keys are written in Go's order (by UTF-8 bytes, i.e. by code point).
 */
final class JsonOut {

  /** The order Go sorts map keys in: by UTF-8 bytes, which is the order of code points. */
  private static final Comparator<String> CODE_POINT_ORDER =
      (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
          int ca = a.codePointAt(i);
          int cb = b.codePointAt(j);
          if (ca != cb) {
            return Integer.compare(ca, cb);
          }
          i += Character.charCount(ca);
          j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
      };

  private final JsonGenerator generator;

  JsonOut(JsonGenerator generator) {
    this.generator = generator;
  }

  /** Writes {@code body}'s fields wrapped in braces. */
  void object(Json.JsonWritable body) throws IOException {
    generator.writeStartObject();
    body.writeFields(this);
    generator.writeEndObject();
  }

  void string(String name, String value) throws IOException {
    generator.writeStringField(name, value);
  }

  void omitEmpty(String name, String value) throws IOException {
    if (!value.isEmpty()) {
      string(name, value);
    }
  }

  void omitEmpty(String name, Optional<?> value) throws IOException {
    if (value.isPresent()) {
      string(name, value.get().toString());
    }
  }

  void number(String name, long value) throws IOException {
    generator.writeNumberField(name, value);
  }

  void omitZero(String name, long value) throws IOException {
    if (value != 0) {
      number(name, value);
    }
  }

  /** A duration as Go's {@code time.Duration}: integer nanoseconds, omitted when zero. */
  void omitZero(String name, Duration value) throws IOException {
    omitZero(name, value.toNanos());
  }

  void omitFalse(String name, boolean value) throws IOException {
    if (value) {
      generator.writeBooleanField(name, true);
    }
  }

  void time(String name, Instant value) throws IOException {
    string(name, GoTime.format(value));
  }

  void omitEmpty(String name, byte[] value) throws IOException {
    if (value.length > 0) {
      string(name, Base64.getEncoder().encodeToString(value));
    }
  }

  /** A list of values written with {@code toString()}; {@code []} when empty. */
  void strings(String name, List<?> values) throws IOException {
    generator.writeArrayFieldStart(name);
    for (Object value : values) {
      generator.writeString(value.toString());
    }
    generator.writeEndArray();
  }

  void omitEmptyStrings(String name, List<?> values) throws IOException {
    if (!values.isEmpty()) {
      strings(name, values);
    }
  }

  /** A list of values written with {@code toString()}; {@code null} when empty (a Go nil slice). */
  void stringsOrNull(String name, List<?> values) throws IOException {
    if (values.isEmpty()) {
      generator.writeNullField(name);
    } else {
      strings(name, values);
    }
  }

  void omitEmpty(String name, Map<String, String> values) throws IOException {
    if (!values.isEmpty()) {
      generator.writeObjectFieldStart(name);
      for (Map.Entry<String, String> e : sorted(values).entrySet()) {
        generator.writeStringField(e.getKey(), e.getValue());
      }
      generator.writeEndObject();
    }
  }

  /** A set as Go's {@code map[string]struct{}}: {@code {"a":{},"b":{}}}, omitted when empty. */
  void omitEmptySet(String name, Collection<String> keys) throws IOException {
    if (!keys.isEmpty()) {
      TreeSet<String> ordered = new TreeSet<>(CODE_POINT_ORDER);
      ordered.addAll(keys);
      generator.writeObjectFieldStart(name);
      for (String key : ordered) {
        generator.writeObjectFieldStart(key);
        generator.writeEndObject();
      }
      generator.writeEndObject();
    }
  }

  void object(String name, Json.JsonWritable body) throws IOException {
    generator.writeFieldName(name);
    object(body);
  }

  /** Writes one element of a document as an object. */
  @FunctionalInterface
  interface FieldWriter<T> {
    void write(T item, JsonOut out) throws IOException;
  }

  <T> void object(String name, T item, FieldWriter<T> writer) throws IOException {
    object(name, out -> writer.write(item, out));
  }

  <T> void omitEmpty(String name, Optional<T> item, FieldWriter<T> writer) throws IOException {
    if (item.isPresent()) {
      object(name, item.get(), writer);
    }
  }

  /** A list of objects; {@code []} when empty. */
  <T> void objects(String name, List<T> items, FieldWriter<T> writer) throws IOException {
    generator.writeArrayFieldStart(name);
    for (T item : items) {
      object(out -> writer.write(item, out));
    }
    generator.writeEndArray();
  }

  <T> void omitEmptyObjects(String name, List<T> items, FieldWriter<T> writer) throws IOException {
    if (!items.isEmpty()) {
      objects(name, items, writer);
    }
  }

  private static Map<String, String> sorted(Map<String, String> values) {
    Map<String, String> ordered = new TreeMap<>(CODE_POINT_ORDER);
    ordered.putAll(values);
    return ordered;
  }
}
