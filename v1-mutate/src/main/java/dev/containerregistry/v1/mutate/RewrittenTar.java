package dev.containerregistry.v1.mutate;

import dev.containerregistry.v1.IoSupplier;
import dev.containerregistry.v1.tar.TarEntry;
import dev.containerregistry.v1.tar.TarMember;
import dev.containerregistry.v1.tar.TarReader;
import dev.containerregistry.v1.tar.TarStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The members of a tar archive rewritten from the entries of one or more source archives, read in
 * order: each entry's header passes through an {@link EntryMapper}, which may change it or drop it,
 * and its content is copied unchanged. Each source is opened when reached, read to its very end (so
 * a verifying source checks its digest) and closed.
 */
final class RewrittenTar implements TarStream.Members {

  /** Decides, entry by entry, what is written. */
  interface EntryMapper {

    /**
     * The header to write in place of {@code entry}, with the same size, or empty to drop the entry
     * and its content.
     *
     * @throws IOException to fail the whole stream, for example on an unsafe path
     */
    Optional<TarEntry> map(TarEntry entry) throws IOException;

    /** Called after the last entry of each source. */
    default void sourceEnded() {}
  }

  /** One source archive: how to open it and what to call it in messages. */
  record Source(IoSupplier<InputStream> opener, String description) {}

  private final Iterator<Source> sources;
  private final EntryMapper mapper;
  private @Nullable InputStream raw;
  private @Nullable TarReader reader;

  private RewrittenTar(List<Source> sources, EntryMapper mapper) {
    this.sources = List.copyOf(sources).iterator();
    this.mapper = mapper;
  }

  /** The rewritten archive as a stream, produced as it is read; no thread, one header buffered. */
  static InputStream stream(List<Source> sources, EntryMapper mapper) {
    return TarStream.of(new RewrittenTar(sources, mapper));
  }

  @Override
  public @Nullable TarMember next() throws IOException {
    while (true) {
      if (reader == null) {
        if (!sources.hasNext()) {
          return null;
        }
        Source source = sources.next();
        raw = source.opener().get();
        reader = new TarReader(raw, source.description());
      }
      TarReader current = reader;
      TarEntry entry = current.next();
      if (entry == null) {
        Objects.requireNonNull(raw, "an open source").transferTo(OutputStream.nullOutputStream());
        close();
        mapper.sourceEnded();
        continue;
      }
      Optional<TarEntry> mapped = mapper.map(entry);
      if (mapped.isPresent()) {
        if (mapped.get().size() != entry.size()) {
          throw new IllegalStateException(
              "an entry mapper changed the size of \"" + entry.name() + "\"");
        }
        return new TarMember(mapped.get(), current::content);
      }
    }
  }

  @Override
  public void close() throws IOException {
    reader = null;
    if (raw != null) {
      InputStream toClose = raw;
      raw = null;
      toClose.close();
    }
  }
}
