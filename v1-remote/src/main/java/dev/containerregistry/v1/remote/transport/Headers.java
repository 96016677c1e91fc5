package dev.containerregistry.v1.remote.transport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Immutable HTTP header fields with case-insensitive names, as sent in a {@link Request} or
 * received in a {@link Response}. Each change returns a new value.
 */
public final class Headers {

  private static final Headers EMPTY = new Headers(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

  private final Map<String, List<String>> fields;

  @SuppressWarnings("NonApiType") // the case-insensitive order is the point
  private Headers(TreeMap<String, List<String>> fields) {
    this.fields = Collections.unmodifiableMap(fields);
  }

  /** No header fields. */
  public static Headers empty() {
    return EMPTY;
  }

  /** Copies {@code fields}; names are compared without regard to case. */
  public static Headers of(Map<String, ? extends List<String>> fields) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    fields.forEach((name, values) -> copy.merge(name, List.copyOf(values), Headers::concat));
    return new Headers(copy);
  }

  /** The first value of {@code name}, if present. */
  public Optional<String> first(String name) {
    List<String> values = fields.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every value of {@code name}, in order; empty when absent. */
  public List<String> all(String name) {
    return fields.getOrDefault(name, List.of());
  }

  /** The field names present. */
  public Set<String> names() {
    return fields.keySet();
  }

  /** A copy where {@code name} has exactly the one value {@code value}. */
  public Headers with(String name, String value) {
    Objects.requireNonNull(value, name);
    TreeMap<String, List<String>> copy = mutableCopy();
    copy.put(name, List.of(value));
    return new Headers(copy);
  }

  /** A copy without {@code name}. */
  public Headers without(String name) {
    if (!fields.containsKey(name)) {
      return this;
    }
    TreeMap<String, List<String>> copy = mutableCopy();
    copy.remove(name);
    return new Headers(copy);
  }

  /** The fields as an unmodifiable map with case-insensitive keys. */
  public Map<String, List<String>> asMap() {
    return fields;
  }

  @SuppressWarnings("NonApiType") // the case-insensitive order is the point
  private TreeMap<String, List<String>> mutableCopy() {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(fields);
    return copy;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Headers other && fields.equals(other.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  /** The field names only: values may hold credentials and are never printed. */
  @Override
  public String toString() {
    return "Headers" + fields.keySet();
  }
}
