package dev.containerregistry.v1.remote;

import dev.containerregistry.name.Digest;
import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Registry;
import dev.containerregistry.name.Repository;
import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.ImageIndex;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The read operations behind {@link RegistryClient}: each builds the transport its operation needs
 * (pull, delete or catalog scope) from the client's transports and hands the work to the class that
 * does it.
 */
final class RemoteReads {

  private RemoteReads() {}

  static FetchedManifest get(Reference ref, ClientContext client) throws IOException {
    return puller(ref.context(), client).get(ref);
  }

  static Descriptor head(Reference ref, ClientContext client) throws IOException {
    return puller(ref.context(), client).head(ref);
  }

  static Image image(Reference ref, ClientContext client) throws IOException {
    return puller(ref.context(), client).image(ref, client.options().platform());
  }

  static ImageIndex index(Reference ref, ClientContext client) throws IOException {
    return puller(ref.context(), client).index(ref);
  }

  static InputStream blob(Digest ref, ClientContext client) throws IOException {
    Repository repo = ref.context();
    return new BlobFetcher(client.transports().pull(repo), ProgressTracker.of(client.options()))
        .open(repo, Hash.parse(ref.identifier()));
  }

  static List<String> list(Repository repo, ClientContext client) throws IOException {
    return new Lister(client.transports().pull(repo), client.options().pageSize()).tags(repo);
  }

  static List<String> catalog(Registry registry, ClientContext client) throws IOException {
    List<String> scopes = List.of(registry.catalogScope());
    return new Lister(client.transports().scoped(registry, scopes), client.options().pageSize())
        .catalog(registry);
  }

  static void delete(Reference ref, ClientContext client) throws IOException {
    new ManifestDeleter(client.transports().delete(ref.context())).delete(ref);
  }

  static void copy(Reference src, Reference dst, ClientContext client) throws IOException {
    Puller source =
        Puller.over(
            client.transports().pull(src.context()), ProgressTracker.eventsOnly(client.options()));
    Copier.Destination destination =
        new Copier.Destination() {
          @Override
          public void write(Image image) throws IOException {
            Pushes.write(Map.of(dst, image), client);
          }

          @Override
          public void write(ImageIndex index) throws IOException {
            Pushes.write(Map.of(dst, index), client);
          }
        };
    new Copier(source).copy(src, destination);
  }

  /**
   * A puller for {@code repo}, with one authenticated transport for manifests and blobs, and the
   * progress of this one call.
   */
  private static Puller puller(Repository repo, ClientContext client) throws IOException {
    return Puller.over(client.transports().pull(repo), ProgressTracker.of(client.options()));
  }
}
