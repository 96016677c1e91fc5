package dev.containerregistry.name;

import java.util.List;
import java.util.stream.Stream;

/**
 * The tables of good and bad names that the reference design tests itself with, shared by the tests
 * of each kind of name and by the round-trip properties.
 */
final class GoodAndBadNames {

  static final String VALID_DIGEST =
      "sha256:deadb33fdeadb33fdeadb33fdeadb33fdeadb33fdeadb33fdeadb33fdeadb33f";

  static final List<String> STRICT_REGISTRIES =
      List.of(
          "gcr.io",
          "gcr.io:9001",
          "index.docker.io",
          "us.gcr.io",
          "example.text",
          "localhost",
          "localhost:9090");
  static final List<String> WEAK_REGISTRIES = List.of("");
  static final List<String> BAD_REGISTRIES = List.of("white space", "gcr?com");

  static final List<String> STRICT_REPOSITORIES =
      List.of(
          "gcr.io/g-convoy/hello-world",
          "gcr.io/google.com/project-id/hello-world",
          "us.gcr.io/project-id/sub-repo",
          "example.text/foo/bar",
          "mirror.gcr.io/ubuntu",
          "index.docker.io/library/ubuntu",
          "example.com/a",
          "example.com/a/b");
  static final List<String> WEAK_REPOSITORIES =
      List.of("namespace/pathcomponent/image", "library/ubuntu", "ubuntu", "a", "0");
  static final List<String> BAD_REPOSITORIES = List.of("white space", "b@char/image", "");

  static final List<String> STRICT_TAGS =
      List.of(
          "gcr.io/g-convoy/hello-world:latest",
          "gcr.io/google.com/g-convoy/hello-world:latest",
          "gcr.io/project-id/with-nums:v2",
          "us.gcr.io/project-id/image:with.period.in.tag",
          "gcr.io/project-id/image:w1th-alpha_num3ric.PLUScaps",
          "domain.with.port:9001/image:latest");
  static final List<String> WEAK_TAGS =
      List.of(
          "namespace/pathcomponent/image",
          "library/ubuntu",
          "gcr.io/project-id/implicit-latest",
          "www.example.test:12345/repo/path");
  static final List<String> BAD_TAGS =
      List.of(
          "gcr.io/project-id/bad_chars:c@n'tuse",
          "gcr.io/project-id/wrong-length:white space",
          "gcr.io/project-id/too-many-chars:thisisthetagthatneverendsitgoesonandonmyfriend"
              + "somepeoplestartedtaggingitnotknowingwhatitwasandtheyllcontinuetaggingitforever"
              + "justbecausethisisthetagthatneverends",
          "library/ubuntu:");

  static final List<String> STRICT_DIGESTS =
      List.of(
          "gcr.io/g-convoy/hello-world@" + VALID_DIGEST,
          "gcr.io/google.com/project-id/hello-world@" + VALID_DIGEST,
          "us.gcr.io/project-id/sub-repo@" + VALID_DIGEST,
          "example.text/foo/bar@" + VALID_DIGEST);
  static final List<String> STRICT_TAG_DIGESTS =
      List.of(
          "example.text/foo/bar:latest@" + VALID_DIGEST,
          "example.text:8443/foo/bar:latest@" + VALID_DIGEST,
          "example.text/foo/bar:v1.0.0-alpine@" + VALID_DIGEST);
  static final List<String> WEAK_DIGESTS =
      List.of("namespace/pathcomponent/image@" + VALID_DIGEST, "library/ubuntu@" + VALID_DIGEST);
  static final List<String> WEAK_TAG_DIGESTS =
      List.of("nginx:latest@" + VALID_DIGEST, "library/nginx:latest@" + VALID_DIGEST);
  static final List<String> BAD_DIGESTS =
      List.of(
          "gcr.io/project-id/unknown-alg@unknown:abc123",
          "gcr.io/project-id/wrong-length@sha256:d34db33fd34db33f",
          "gcr.io/project-id/missing-digest@",
          "repo@sha256:" + ":".repeat(64),
          "repo@sha256:" + "sh".repeat(32),
          "repo@sha256:" + VALID_DIGEST + "@" + VALID_DIGEST,
          "library/nginx:@" + VALID_DIGEST);

  private GoodAndBadNames() {}

  /** Every reference that parses in strict mode. */
  static Stream<String> strictReferences() {
    return Stream.of(STRICT_TAGS, STRICT_DIGESTS, STRICT_TAG_DIGESTS).flatMap(List::stream);
  }

  /** Every reference that parses in weak mode only. */
  static Stream<String> weakOnlyReferences() {
    return Stream.of(WEAK_TAGS, WEAK_DIGESTS, WEAK_TAG_DIGESTS).flatMap(List::stream);
  }
}
