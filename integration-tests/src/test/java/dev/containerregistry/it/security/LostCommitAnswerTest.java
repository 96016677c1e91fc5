package dev.containerregistry.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.containerregistry.name.Reference;
import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import dev.containerregistry.v1.Image;
import dev.containerregistry.v1.random.Randoms;
import dev.containerregistry.v1.remote.Remote;
import dev.containerregistry.v1.remote.RemoteOptions;
import dev.containerregistry.v1.remote.authn.Authenticator;
import dev.containerregistry.v1.remote.transport.Response;
import dev.containerregistry.v1.remote.transport.Transport;
import dev.containerregistry.v1.remote.transport.Transports;
import dev.containerregistry.v1.validate.Validate;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A blob commit ({@code PUT …?digest=}) that registry:2 carried out, but whose answer never reached
 * the client: the retried commit gets {@code 404} (the upload is closed), and the push asks with
 * {@code HEAD} whether the blob landed instead of failing.
 */
@RegistryTest
class LostCommitAnswerTest {

  @Test
  void aCommitWhoseAnswerWasLostIsConfirmedByHeadAndThePushSucceeds(RegistryContainer registry)
      throws Exception {
    Transport http = Transports.http();
    AtomicBoolean lost = new AtomicBoolean();
    List<String> seen = new CopyOnWriteArrayList<>();
    Transport losingTheFirstCommitAnswer =
        request -> {
          String line = request.method() + " " + request.uri().getPath();
          boolean commit =
              request.method().equals("PUT")
                  && String.valueOf(request.uri().getQuery()).contains("digest=");
          Response response = http.send(request);
          seen.add(line + (commit ? " (commit) " : " ") + response.status());
          if (commit && lost.compareAndSet(false, true)) {
            response.close();
            throw new SocketException("connection reset after the registry answered (test)");
          }
          return response;
        };
    RemoteOptions options =
        RemoteOptions.builder()
            .auth(Authenticator.anonymous())
            .transport(losingTheFirstCommitAnswer)
            .build();
    Reference ref = Reference.parse(registry.ref("lost/commit:1"));
    Image image = Randoms.image(8192, 1);

    Remote.write(ref, image, options);

    assertTrue(lost.get(), "a commit answer was dropped");
    List<String> afterTheLoss =
        seen.subList(
            seen.indexOf(seen.stream().filter(s -> s.contains("(commit)")).findFirst().get()),
            seen.size());
    assertTrue(
        afterTheLoss.stream().anyMatch(s -> s.contains("(commit) 404")),
        "the retried commit found the upload closed: " + seen);
    assertTrue(
        afterTheLoss.stream().anyMatch(s -> s.startsWith("HEAD ") && s.endsWith(" 200")),
        "HEAD confirmed the blob: " + seen);
    Image back = Remote.image(ref, RemoteOptions.defaults());
    assertEquals(image.digest(), back.digest());
    Validate.image(back);
  }
}
