package dev.containerregistry.v1.remote.transport;

import java.util.List;

/**
 * The registry answered {@code 404}: the manifest, blob, upload session or repository asked for is
 * not there ({@code MANIFEST_UNKNOWN}, {@code BLOB_UNKNOWN}, {@code NAME_UNKNOWN}, … in {@link
 * #errors()} when the registry said which). Never retried.
 */
public final class NotFoundException extends TransportException {

  private static final long serialVersionUID = 1L;

  NotFoundException(String message, String method, String url, List<RegistryError> errors) {
    super(message, method, url, errors);
  }
}
