package dev.containerregistry.v1.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkHeaderTest {

  private static final URI PAGE = URI.create("http://localhost:5000/v2/app/tags/list?n=2");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          </v2/app/tags/list?last=b&n=2>; rel="next"                       | http://localhost:5000/v2/app/tags/list?last=b&n=2
          </v2/app/tags/list?last=b&n=2>; rel=next                         | http://localhost:5000/v2/app/tags/list?last=b&n=2
          <http://localhost:5000/v2/app/tags/list?last=b>; rel="next"      | http://localhost:5000/v2/app/tags/list?last=b
          <http://LOCALHOST:5000/v2/app/tags/list?last=b>; REL="Next"      | http://LOCALHOST:5000/v2/app/tags/list?last=b
          </first>; rel="prev", </v2/app/tags/list?last=c>; rel="next"     | http://localhost:5000/v2/app/tags/list?last=c
          <list?last=a,b>; title="x, y"; rel="prefetch next"               | http://localhost:5000/v2/app/tags/list?last=a,b
          """)
  void resolvesTheNextPageOnTheSameHost(String header, String expected) throws IOException {
    assertEquals(Optional.of(URI.create(expected)), LinkHeader.next(PAGE, List.of(header)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"</first>; rel=\"prev\"", "no link here", "</v2/x>"})
  void findsNoNextPageWithoutRelNext(String header) throws IOException {
    assertEquals(Optional.empty(), LinkHeader.next(PAGE, List.of(header)));
  }

  @Test
  void findsNoNextPageWithoutHeader() throws IOException {
    assertEquals(Optional.empty(), LinkHeader.next(PAGE, List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "<http://elsewhere.example:5000/v2/app/tags/list?last=b>; rel=\"next\"",
        "<https://localhost:5000/v2/app/tags/list?last=b>; rel=\"next\"",
        "<http://localhost:5001/v2/app/tags/list?last=b>; rel=\"next\"",
        "<//elsewhere.example/v2/app/tags/list>; rel=\"next\""
      })
  void refusesANextPageOnAnotherHost(String header) {
    IOException e = assertThrows(IOException.class, () -> LinkHeader.next(PAGE, List.of(header)));
    assertTrue(e.getMessage().contains("another host"), e.getMessage());
    assertFalse(e.getMessage().contains("last=b"), "no query in messages: " + e.getMessage());
  }

  @Test
  void refusesAMalformedTarget() {
    String header = "<http://local host/ x?sig=SECRET>; rel=\"next\"";
    IOException e = assertThrows(IOException.class, () -> LinkHeader.next(PAGE, List.of(header)));
    assertTrue(e.getMessage().contains("malformed Link target"), e.getMessage());
    assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
  }
}
