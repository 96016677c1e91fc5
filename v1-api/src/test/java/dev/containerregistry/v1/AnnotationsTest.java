package dev.containerregistry.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.containerregistry.name.Reference;
import dev.containerregistry.name.Repository;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnnotationsTest {

  @ParameterizedTest
  @CsvSource({
    "ubuntu,                     index.docker.io/library/ubuntu:latest",
    "docker.io/library/ubuntu:22.04, index.docker.io/library/ubuntu:22.04",
    "registry.example.com/team/app@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855,"
        + " registry.example.com/team/app@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
  })
  void referencesAreWrittenAsTheirFullNameAndParseBackEqual(String input, String written) {
    Reference reference = Reference.parse(input);
    assertEquals(written, Annotations.reference(reference));
    assertEquals(reference, Reference.parse(Annotations.reference(reference)));
  }

  @Test
  void repositoriesAreWrittenAsTheirFullName() {
    assertEquals(
        "index.docker.io/library/busybox", Annotations.repository(Repository.parse("busybox")));
  }

  @Test
  void baseImageAnnotationsSurviveAManifestRoundTrip() throws Exception {
    Hash digest = Hash.sha256(new byte[0]);
    Map<String, String> base = Annotations.baseImage(Reference.parse("alpine:3.20"), digest);
    Manifest manifest =
        Manifest.builder()
            .config(Descriptor.of(MediaType.OCI_CONFIG_JSON, 0, digest))
            .annotations(base)
            .build();
    Map<String, String> read = Manifest.parse(manifest.toJson()).annotations();
    assertEquals("index.docker.io/library/alpine:3.20", read.get(Annotations.BASE_NAME));
    assertEquals(digest.toString(), read.get(Annotations.BASE_DIGEST));
  }

  @ParameterizedTest
  @CsvSource({
    "2024-01-02T03:04:05Z,           2024-01-02T03:04:05Z",
    "2024-01-02T03:04:05.120Z,       2024-01-02T03:04:05.12Z",
    "2015-10-31T22:22:56.015925234Z, 2015-10-31T22:22:56.015925234Z",
    "0001-01-01T00:00:00Z,           0001-01-01T00:00:00Z"
  })
  void timesAreWrittenLikeGo(String instant, String written) {
    assertEquals(written, Annotations.time(Instant.parse(instant)));
  }
}
