package dev.containerregistry.v1.files;

import dev.containerregistry.v1.tar.TarEntry;
import dev.containerregistry.v1.tar.TarReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/** Test helper: what a layer's tar holds, read back with the project's tar reader. */
final class Archive {

  private final Map<String, TarEntry> entries = new LinkedHashMap<>();
  private final Map<String, byte[]> contents = new LinkedHashMap<>();

  private Archive() {}

  /** The uncompressed tar of {@code layer}. */
  static Archive tarOf(FileLayer layer) throws IOException {
    try (InputStream in = layer.uncompressed()) {
      return read(in);
    }
  }

  /** The compressed stream of {@code layer}, read to its end, then unzipped. */
  static Archive gzipOf(FileLayer layer) throws IOException {
    byte[] gzip;
    try (InputStream in = layer.compressed()) {
      gzip = in.readAllBytes();
    }
    return read(new GZIPInputStream(new ByteArrayInputStream(gzip)));
  }

  private static Archive read(InputStream in) throws IOException {
    Archive archive = new Archive();
    TarReader reader = new TarReader(in, "test layer");
    for (TarEntry e = reader.next(); e != null; e = reader.next()) {
      archive.entries.put(e.name(), e);
      archive.contents.put(e.name(), reader.content().readAllBytes());
    }
    return archive;
  }

  List<String> names() {
    return new ArrayList<>(entries.keySet());
  }

  TarEntry entry(String name) {
    TarEntry e = entries.get(name);
    if (e == null) {
      throw new AssertionError("no entry " + name + " in " + names());
    }
    return e;
  }

  byte[] content(String name) {
    entry(name);
    return Objects.requireNonNull(contents.get(name));
  }
}
