package dev.containerregistry.testing;

import dev.containerregistry.name.Reference;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.layout.Layout;
import dev.containerregistry.v1.remote.RegistryClient;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Pushes fixtures from an OCI layout into a test registry. */
final class Seeding {
  private static final String REF_NAME = "org.opencontainers.image.ref.name";

  private Seeding() {}

  /** Pushes the layout's entry {@code refName}, or its only entry when {@code refName} is null. */
  static void fromLayout(
      Layout layout, @Nullable String refName, RegistryClient client, Reference target)
      throws IOException {
    Descriptor entry = refName == null ? onlyEntry(layout) : named(layout, refName);
    if (entry.mediaType().isIndex()) {
      client.writeIndex(target, layout.imageIndex(entry.digest()));
    } else {
      client.write(target, layout.image(entry.digest()));
    }
  }

  private static Descriptor named(Layout layout, String refName) throws IOException {
    Optional<Descriptor> entry = layout.descriptor(refName);
    if (entry.isEmpty()) {
      throw new IllegalArgumentException(
          "the layout "
              + layout.root()
              + " has no entry named '"
              + refName
              + "'; it holds "
              + names(layout.descriptors()));
    }
    return entry.get();
  }

  private static Descriptor onlyEntry(Layout layout) throws IOException {
    List<Descriptor> entries = layout.descriptors();
    if (entries.size() != 1) {
      throw new IllegalArgumentException(
          "the layout "
              + layout.root()
              + " holds "
              + entries.size()
              + " entries "
              + names(entries)
              + ": name the one to seed");
    }
    return entries.get(0);
  }

  private static List<String> names(List<Descriptor> entries) {
    return entries.stream()
        .map(d -> d.annotations().getOrDefault(REF_NAME, d.digest().toString()))
        .toList();
  }
}
