package dev.containerregistry.it.pull;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Registry;
import dev.containerregistry.name.Repository;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Platform;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.remote.transport.ErrorCode;
import dev.containerregistry.v1.remote.transport.Transport;
import dev.containerregistry.v1.remote.transport.TransportException;
import dev.containerregistry.v1.remote.transport.Transports;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

@RegistryTest
class PullListDeleteTest {

  /**
   * Distribution 2.x answers {@code tags/list} in one page whatever {@code n} says (tag pagination
   * came with 3.0), so this checks the list is whole; ListerTest follows tag pages on its own
   * server, and the catalog test below follows a real registry's pages.
   */
  @Test
  void listsEveryTag(RegistryContainer registry) throws Exception {
    RawPush push = new RawPush(registry);
    RawPush.Pushed image = push.image("pull/tags", "t00", Platform.of("linux", "amd64"), 1, 10);
    List<String> expected = new ArrayList<>(List.of("t00"));
    for (int i = 1; i < 7; i++) {
      String tag = String.format("t%02d", i);
      push.manifest("pull/tags", tag, MediaType.OCI_MANIFEST, image.manifest());
      expected.add(tag);
    }
    Repository repo = Repository.parse(registry.ref("pull/tags"));
    RemoteOptions pagesOfTwo = RemoteOptions.builder().pageSize(2).build();

    assertEquals(expected, Remote.list(repo, pagesOfTwo).stream().sorted().toList());
    assertEquals(expected, Remote.list(repo, RemoteOptions.defaults()).stream().sorted().toList());
  }

  @Test
  void listsTheCatalogAcrossPages(RegistryContainer registry) throws Exception {
    RawPush push = new RawPush(registry);
    for (String name : List.of("a", "b", "c")) {
      push.image("pull/catalog-" + name, "v1", Platform.of("linux", "amd64"), 1, 11);
    }
    List<String> pages = new CopyOnWriteArrayList<>();
    Transport countingPages =
        request -> {
          if (request.uri().getPath().equals("/v2/_catalog")) {
            pages.add(request.uri().getRawQuery());
          }
          return Transports.http().send(request);
        };
    RemoteOptions pagesOfOne = RemoteOptions.builder().pageSize(1).transport(countingPages).build();

    List<String> repositories = Remote.catalog(Registry.parse(registry.hostPort()), pagesOfOne);

    assertTrue(
        repositories.containsAll(List.of("pull/catalog-a", "pull/catalog-b", "pull/catalog-c")),
        repositories.toString());
    assertEquals(
        repositories.size(), repositories.stream().distinct().count(), repositories.toString());
    assertTrue(pages.size() >= repositories.size(), "one page per repository: " + pages);
    assertTrue(pages.stream().allMatch(query -> query.contains("n=1")), pages.toString());
  }

  @Test
  void deletesAManifestByDigest(RegistryContainer registry) throws Exception {
    RawPush.Pushed image =
        new RawPush(registry).image("pull/delete", "v1", Platform.of("linux", "amd64"), 1, 13);
    Reference byDigest = Reference.parse(registry.ref("pull/delete@" + image.digest()));
    assertEquals(image.digest(), Remote.head(byDigest, RemoteOptions.defaults()).digest());

    Remote.delete(byDigest, RemoteOptions.defaults());

    TransportException gone =
        assertThrows(
            TransportException.class, () -> Remote.get(byDigest, RemoteOptions.defaults()));
    assertEquals(404, gone.status());
    assertTrue(gone.hasCode(ErrorCode.MANIFEST_UNKNOWN), gone.getMessage());
    Reference byTag = Reference.parse(registry.ref("pull/delete:v1"));
    assertThrows(TransportException.class, () -> Remote.get(byTag, RemoteOptions.defaults()));
  }

  @Test
  void deletingByTagIsRefusedByRegistry2WithAMessageThatSaysWhatToDo(RegistryContainer registry)
      throws Exception {
    RawPush.Pushed image =
        new RawPush(registry).image("pull/delete-tag", "v1", Platform.of("linux", "amd64"), 1, 17);
    Reference byTag = Reference.parse(registry.ref("pull/delete-tag:v1"));

    TransportException refused =
        assertThrows(
            TransportException.class, () -> Remote.delete(byTag, RemoteOptions.defaults()));

    assertTrue(
        refused.getMessage().contains("deletes manifests by digest only"), refused.getMessage());
    assertTrue(refused.getMessage().contains(byTag.toString()), refused.getMessage());
    assertEquals(
        image.digest(), Remote.head(byTag, RemoteOptions.defaults()).digest(), "still there");
  }
}
