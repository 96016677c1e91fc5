package dev.containerregistry.v1.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.name.Registry;
import dev.containerregistry.v1.remote.transport.Transports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class ListerTest {

  @AutoClose private final TestRegistry registry = TestRegistry.start();
  private final Lister lister = new Lister(Transports.http(), 2);

  @Test
  void followsLinkHeadersToTheLastPage() throws IOException {
    page(
        "/v2/test/app/tags/list?n=2",
        "{\"name\":\"test/app\",\"tags\":[\"a\",\"b\"]}",
        "</v2/test/app/tags/list?last=b&n=2>; rel=\"next\"");
    page(
        "/v2/test/app/tags/list?last=b&n=2",
        "{\"name\":\"test/app\",\"tags\":[\"c\",\"d\"]}",
        "</v2/test/app/tags/list?last=d&n=2>; rel=\"next\"");
    page("/v2/test/app/tags/list?last=d&n=2", "{\"name\":\"test/app\",\"tags\":[\"e\"]}", null);
    assertEquals(List.of("a", "b", "c", "d", "e"), lister.tags(registry.repo("test/app")));
    assertEquals(3, registry.requests().size());
  }

  @Test
  void readsAnEmptyTagList() throws IOException {
    page("/v2/test/app/tags/list?n=2", "{\"name\":\"test/app\",\"tags\":null}", null);
    assertEquals(List.of(), lister.tags(registry.repo("test/app")));
  }

  @Test
  void listsTheCatalog() throws IOException {
    page(
        "/v2/_catalog?n=2",
        "{\"repositories\":[\"a/b\",\"c\"]}",
        "</v2/_catalog?last=c&n=2>; rel=\"next\"");
    page("/v2/_catalog?last=c&n=2", "{\"repositories\":[\"d\"]}", null);
    assertEquals(List.of("a/b", "c", "d"), lister.catalog(Registry.parse(registry.host())));
  }

  @Test
  void refusesALinkToAnotherHost() {
    page(
        "/v2/test/app/tags/list?n=2",
        "{\"tags\":[\"a\"]}",
        "<http://elsewhere.example/v2/test/app/tags/list?last=a>; rel=\"next\"");
    IOException e = assertThrows(IOException.class, () -> lister.tags(registry.repo("test/app")));
    assertTrue(e.getMessage().contains("points at another host"), e.getMessage());
    assertEquals(1, registry.requests().size());
  }

  @Test
  void refusesALinkBackToAPageAlreadyRead() {
    page(
        "/v2/test/app/tags/list?n=2",
        "{\"tags\":[\"a\"]}",
        "</v2/test/app/tags/list?n=2>; rel=\"next\"");
    IOException e = assertThrows(IOException.class, () -> lister.tags(registry.repo("test/app")));
    assertTrue(e.getMessage().contains("links back to a page already read"), e.getMessage());
  }

  @Test
  void refusesAPageWhoseTagsAreNotStrings() {
    page("/v2/test/app/tags/list?n=2", "{\"tags\":[1]}", null);
    IOException e = assertThrows(IOException.class, () -> lister.tags(registry.repo("test/app")));
    assertTrue(e.getMessage().contains("field \"tags\" holds a non-string: 1"), e.getMessage());
  }

  private void page(String pathAndQuery, String json, String link) {
    registry.on(
        pathAndQuery,
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          if (link != null) {
            exchange.getResponseHeaders().add("Link", link);
          }
          TestRegistry.send(exchange, 200, json.getBytes(StandardCharsets.UTF_8));
        });
  }
}
