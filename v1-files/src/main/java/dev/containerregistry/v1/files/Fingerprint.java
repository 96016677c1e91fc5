package dev.containerregistry.v1.files;

import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The entries of one read and, for files on disk, the size and time they had: two reads with equal
 * fingerprints write the same tar.
 */
final class Fingerprint {

  /** What is compared for each entry. */
  private record Stamp(PlannedEntry.Kind kind, long size, @Nullable FileTime time) {}

  private final Map<ContainerPath, Stamp> stamps = new LinkedHashMap<>();

  Fingerprint(List<PlannedEntry> entries) {
    for (PlannedEntry e : entries) {
      stamps.put(e.path(), new Stamp(e.kind(), e.size(), e.sourceTime()));
    }
  }

  /**
   * Checks that {@code now} lists the same entries with the same sizes and times.
   *
   * @throws IOException naming the first entry that differs and how
   */
  void requireSame(Fingerprint now) throws IOException {
    for (Map.Entry<ContainerPath, Stamp> e : stamps.entrySet()) {
      Stamp then = e.getValue();
      Stamp later = now.stamps.get(e.getKey());
      if (later == null) {
        throw changed(e.getKey() + " is gone");
      }
      if (!then.equals(later)) {
        throw changed(
            e.getKey()
                + " changed: it was a "
                + describe(then)
                + " and is now a "
                + describe(later));
      }
    }
    for (ContainerPath path : now.stamps.keySet()) {
      if (!stamps.containsKey(path)) {
        throw changed(path + " was added");
      }
    }
  }

  private static String describe(Stamp s) {
    String kind = s.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    return s.time() == null
        ? kind
        : kind + " of " + s.size() + " bytes modified at " + Objects.requireNonNull(s.time());
  }

  private static IOException changed(String what) {
    return new IOException(
        "reading a file layer again: its files changed since the first read, so it would not have"
            + " the digest already computed: "
            + what);
  }
}
