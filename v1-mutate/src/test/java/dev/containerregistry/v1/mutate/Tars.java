package dev.containerregistry.v1.mutate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper: builds small tar archives with the production encoder and lists them back. */
final class Tars {

  static final Instant T0 = Instant.parse("2020-02-02T02:02:02Z");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
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
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return entry(entry(name, TarEntry.TYPE_REGULAR, 0644, bytes.length, ""), bytes);
  }

  Tars dir(String name) {
    return entry(entry(name, TarEntry.TYPE_DIRECTORY, 0755, 0, ""), new byte[0]);
  }

  Tars symlink(String name, String target) {
    return entry(entry(name, TarEntry.TYPE_SYMLINK, 0777, 0, target), new byte[0]);
  }

  Tars hardLink(String name, String target) {
    return entry(entry(name, TarEntry.TYPE_HARD_LINK, 0644, 0, target), new byte[0]);
  }

  private TarEntry entry(String name, char type, long mode, long size, String link) {
    return entry(name, type, mode, size, link, modTime);
  }

  Tars entry(TarEntry entry, byte[] content) {
    out.writeBytes(TarHeaderEncoder.encode(entry));
    out.writeBytes(content);
    out.writeBytes(new byte[UstarBlock.padding(content.length)]);
    return this;
  }

  byte[] build() {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    copy.writeBytes(out.toByteArray());
    copy.writeBytes(new byte[2 * UstarBlock.SIZE]);
    return copy.toByteArray();
  }

  static TarEntry entry(String name, char type, long mode, long size, String link, Instant t) {
    return new TarEntry(name, type, mode, 0, 0, "", "", size, t, link, 0, 0, Map.of());
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
