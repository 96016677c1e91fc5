package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.tar.TarEntry;
import dev.containerregistry.v1.tar.TarReader;
import dev.containerregistry.v1.tar.TarWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: builds small tar archives with the production writer and lists them back. */
final class Tars {

  static final Instant T0 = Instant.parse("2020-02-02T02:02:02Z");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final TarWriter writer = new TarWriter(out);
  private final Instant modTime;

  private Tars(Instant modTime) {
    this.modTime = modTime;
  }

  static Tars builder() {
    return new Tars(T0);
  }

  /** A builder whose entries have {@code modTime}. */
  static Tars at(Instant modTime) {
    return new Tars(modTime);
  }

  Tars file(String name, String content) {
    return add(entry(name, TarEntry.Type.REGULAR), content.getBytes(StandardCharsets.UTF_8));
  }

  Tars dir(String name) {
    return add(entry(name, TarEntry.Type.DIRECTORY), new byte[0]);
  }

  Tars symlink(String name, String target) {
    return add(entry(name, TarEntry.Type.SYMLINK).mode(0777).linkName(target), new byte[0]);
  }

  Tars hardLink(String name, String target) {
    return add(entry(name, TarEntry.Type.HARD_LINK).linkName(target), new byte[0]);
  }

  private TarEntry.Builder entry(String name, TarEntry.Type type) {
    return TarEntry.builder(name, type).modTime(modTime);
  }

  private Tars add(TarEntry.Builder entry, byte[] content) {
    try {
      writer.write(entry.build(), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  byte[] build() {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    copy.writeBytes(out.toByteArray());
    copy.writeBytes(new byte[2 * 512]);
    return copy.toByteArray();
  }

  /** Every entry of {@code tar} with its content as UTF-8 text, in archive order. */
  static Map<String, String> contents(byte[] tar) throws IOException {
    return contents(new ByteArrayInputStream(tar));
  }

  static Map<String, String> contents(InputStream tar) throws IOException {
    Map<String, String> all = new LinkedHashMap<>();
    for (Listed e : list(tar)) {
      all.put(e.entry().name(), e.content());
    }
    return all;
  }

  /** Every entry with its content. */
  static List<Listed> list(InputStream tar) throws IOException {
    TarReader reader = new TarReader(tar, "test archive");
    List<Listed> all = new ArrayList<>();
    for (TarEntry e = reader.next(); e != null; e = reader.next()) {
      all.add(new Listed(e, new String(reader.content().readAllBytes(), StandardCharsets.UTF_8)));
    }
    return all;
  }

  record Listed(TarEntry entry, String content) {}
}
