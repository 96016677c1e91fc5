package dev.containerregistry.v1;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Defensive, immutable copies for the document records, refusing null elements. */
final class Copies {

  /** The order Go sorts map keys in: by UTF-8 bytes, which is the order of code points. */
  static final Comparator<String> CODE_POINT_ORDER =
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

  private Copies() {}

  static <T> List<T> list(List<T> values, String what) {
    Objects.requireNonNull(values, what);
    return List.copyOf(values);
  }

  /** Keeps insertion order (for {@code toString}); writers sort keys themselves. */
  static Map<String, String> map(Map<String, String> values, String what) {
    Objects.requireNonNull(values, what);
    Map<String, String> copy = new LinkedHashMap<>();
    values.forEach(
        (k, v) ->
            copy.put(
                Objects.requireNonNull(k, what + " key"),
                Objects.requireNonNull(v, what + " value for " + k)));
    return Collections.unmodifiableMap(copy);
  }

  static Set<String> set(Set<String> values, String what) {
    Objects.requireNonNull(values, what);
    Set<String> copy = new LinkedHashSet<>();
    values.forEach(v -> copy.add(Objects.requireNonNull(v, what + " element")));
    return Collections.unmodifiableSet(copy);
  }
}
