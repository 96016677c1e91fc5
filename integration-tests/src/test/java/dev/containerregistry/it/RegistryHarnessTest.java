package dev.containerregistry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.containerregistry.testing.RegistryContainer;
import dev.containerregistry.testing.RegistryTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@RegistryTest
class RegistryHarnessTest {

  @Test
  void registryAnswersTheVersionCheckWithTheDistributionHeader(RegistryContainer registry)
      throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(registry.baseUri().resolve("/v2/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

    assertEquals(200, response.statusCode());
    assertEquals(
        "registry/2.0",
        response.headers().firstValue("Docker-Distribution-Api-Version").orElse(null));
  }
}
