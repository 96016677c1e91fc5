/** HTTP for registries: the transport seam, ping, token exchange, redirects and retries. */
@NullMarked
package dev.containerregistry.v1.remote.transport;

import org.jspecify.annotations.NullMarked;
