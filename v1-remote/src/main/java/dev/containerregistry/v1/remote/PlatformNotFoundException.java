package dev.containerregistry.v1.remote;

import dev.containerregistry.v1.Platform;
import dev.containerregistry.v1.remote.transport.TransportException;
import java.util.List;
import java.util.Objects;

/**
 * An index has no image for the platform asked for. The message and {@link #available()} list the
 * platforms it does have, so the caller can choose another. A {@link TransportException} of step
 * {@link TransportException.Step#SELECT_PLATFORM} and status 0.
 */
public final class PlatformNotFoundException extends TransportException {

  private static final long serialVersionUID = 1L;

  private final transient Platform wanted;
  private final transient List<Platform> available;

  /**
   * @param where the index, for example {@code "index localhost:5000/app:1 (sha256:…)"}
   * @param wanted the platform asked for
   * @param available the platforms of the index's images, in index order
   */
  public PlatformNotFoundException(String where, Platform wanted, List<Platform> available) {
    super(
        where
            + " has no image for platform \""
            + wanted
            + "\"; it has "
            + (available.isEmpty() ? "none" : available.toString()),
        Step.SELECT_PLATFORM,
        "",
        "");
    this.wanted = Objects.requireNonNull(wanted, "wanted");
    this.available = List.copyOf(available);
  }

  /** The platform asked for. */
  public Platform wanted() {
    return wanted;
  }

  /** The platforms of the index's images, in index order. */
  public List<Platform> available() {
    return available;
  }
}
