package dev.containerregistry.v1.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.containerregistry.v1.Descriptor;
import dev.containerregistry.v1.Hash;
import dev.containerregistry.v1.IndexManifest;
import dev.containerregistry.v1.MediaType;
import dev.containerregistry.v1.Platform;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformMatcherTest {

  private static final Descriptor AMD64 = image("amd64", Platform.of("linux", "amd64"));
  private static final Descriptor ARM64 =
      image("arm64", Platform.of("linux", "arm64").withVariant("v8"));
  private static final Descriptor ARM_V7 =
      image("armv7", Platform.of("linux", "arm").withVariant("v7"));
  private static final Descriptor WINDOWS =
      image("windows", Platform.of("windows", "amd64").withOsVersion("10.0.17763.1040"));
  private static final Descriptor NESTED =
      Descriptor.of(MediaType.OCI_IMAGE_INDEX, 10, digestOf("nested"))
          .withPlatform(Platform.of("linux", "s390x"));
  private static final Descriptor UNLABELLED =
      Descriptor.of(MediaType.OCI_MANIFEST, 10, digestOf("unlabelled"));

  private static final IndexManifest INDEX =
      IndexManifest.builder()
          .mediaType(MediaType.OCI_IMAGE_INDEX)
          .manifests(List.of(UNLABELLED, NESTED, WINDOWS, AMD64, ARM64, ARM_V7))
          .build();

  private static Hash digestOf(String seed) {
    return Hash.sha256(seed.getBytes(StandardCharsets.UTF_8));
  }

  private static Descriptor image(String seed, Platform platform) {
    return Descriptor.of(MediaType.OCI_MANIFEST, 10, digestOf(seed)).withPlatform(platform);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "linux/amd64, amd64",
    "linux/arm64, arm64",
    "linux/arm64/v8, arm64",
    "linux/arm/v7, armv7",
    "linux/arm, armv7",
    "linux, amd64",
    "windows/amd64, windows",
    "windows/amd64:10.0.17763.1040, windows"
  })
  void choosesTheFirstImageThatSatisfiesThePlatform(String wanted, String seed) throws Exception {
    Descriptor chosen = PlatformMatcher.choose(INDEX, "index test/app:1", Platform.parse(wanted));
    assertEquals(digestOf(seed), chosen.digest());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"linux/s390x", "linux/arm64/v9", "darwin/arm64", "windows/amd64:10.0.20348"})
  void listsWhatExistsWhenNothingMatches(String wanted) {
    PlatformNotFoundException e =
        assertThrows(
            PlatformNotFoundException.class,
            () -> PlatformMatcher.choose(INDEX, "index test/app:1", Platform.parse(wanted)));
    assertEquals(
        "index test/app:1 has no image for platform \""
            + wanted
            + "\"; it has [windows/amd64:10.0.17763.1040, linux/amd64, linux/arm64/v8, linux/arm/v7]",
        e.getMessage());
    assertEquals(Platform.parse(wanted), e.wanted());
    assertEquals(4, e.available().size());
  }

  @Test
  void saysSoWhenTheIndexIsEmpty() {
    IndexManifest empty = IndexManifest.builder().mediaType(MediaType.OCI_IMAGE_INDEX).build();
    PlatformNotFoundException e =
        assertThrows(
            PlatformNotFoundException.class,
            () -> PlatformMatcher.choose(empty, "index test/app:1", Platform.of("linux", "amd64")));
    assertEquals(
        "index test/app:1 has no image for platform \"linux/amd64\"; it has none", e.getMessage());
  }
}
