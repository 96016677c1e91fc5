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

/**
 * The read operations behind {@link Remote}: each builds the transport its operation needs (pull,
 * delete or catalog scope) from the options and hands the work to the class that does it.
 */
final class RemoteReads {

  private RemoteReads() {}

  static FetchedManifest get(Reference ref, RemoteOptions options) throws IOException {
    return puller(ref.context(), options).get(ref);
  }

  static Descriptor head(Reference ref, RemoteOptions options) throws IOException {
    return puller(ref.context(), options).head(ref);
  }

  static Image image(Reference ref, RemoteOptions options) throws IOException {
    return puller(ref.context(), options).image(ref, options.platform());
  }

  static ImageIndex index(Reference ref, RemoteOptions options) throws IOException {
    return puller(ref.context(), options).index(ref);
  }

  static InputStream blob(Digest ref, RemoteOptions options) throws IOException {
    Repository repo = ref.context();
    return new BlobFetcher(RemoteTransports.pull(repo, options))
        .open(repo, Hash.parse(ref.identifier()));
  }

  static List<String> list(Repository repo, RemoteOptions options) throws IOException {
    return new Lister(RemoteTransports.pull(repo, options), options.pageSize()).tags(repo);
  }

  static List<String> catalog(Registry registry, RemoteOptions options) throws IOException {
    List<String> scopes = List.of(registry.catalogScope());
    return new Lister(RemoteTransports.scoped(registry, scopes, options), options.pageSize())
        .catalog(registry);
  }

  static void delete(Reference ref, RemoteOptions options) throws IOException {
    new ManifestDeleter(RemoteTransports.delete(ref.context(), options)).delete(ref);
  }

  static void copy(Reference src, Reference dst, RemoteOptions options) throws IOException {
    Puller source = puller(src.context(), options);
    Copier.Destination destination =
        new Copier.Destination() {
          @Override
          public void write(Image image) throws IOException {
            Remote.write(dst, image, options);
          }

          @Override
          public void write(ImageIndex index) throws IOException {
            Remote.writeIndex(dst, index, options);
          }
        };
    new Copier(source).copy(src, destination);
  }

  /** A puller for {@code repo}, with one authenticated transport for manifests and blobs. */
  private static Puller puller(Repository repo, RemoteOptions options) throws IOException {
    return Puller.over(RemoteTransports.pull(repo, options));
  }
}
