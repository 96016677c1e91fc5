package dev.containerregistry.v1.remote;

import java.io.IOException;

/** The steps of pushing one blob or manifest, named in the errors that end a push. */
enum PushStep {
  CHECK("checking whether the repository has it (HEAD)"),
  MOUNT("mounting it from another repository (POST ?mount=)"),
  START("starting an upload (POST)"),
  SEND("sending its data (PATCH)"),
  DIGEST("reading its digest after sending it"),
  COMMIT("committing the upload (PUT ?digest=)"),
  MANIFEST("putting the manifest (PUT)");

  private final String description;

  PushStep(String description) {
    this.description = description;
  }

  /** An error saying what failed, on which blob or manifest, at this step. */
  IOException failure(String subject, Exception cause) {
    return new IOException(subject + ": " + description + ": " + cause.getMessage(), cause);
  }
}
