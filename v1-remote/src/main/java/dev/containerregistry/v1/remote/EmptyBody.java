package dev.containerregistry.v1.remote;

import dev.containerregistry.v1.remote.transport.RequestBody;

/** The zero-length body of upload requests that carry no data ({@code Content-Length: 0}). */
final class EmptyBody {

  static final RequestBody INSTANCE = RequestBody.of(new byte[0], "application/octet-stream");

  private EmptyBody() {}
}
