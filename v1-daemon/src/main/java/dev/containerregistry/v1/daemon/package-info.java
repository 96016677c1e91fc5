/**
 * The local Docker engine over its HTTP API on a Unix socket, without the docker CLI: {@link
 * dev.containerregistry.v1.daemon.Daemon} loads images into it and reads images out of it.
 */
@NullMarked
package dev.containerregistry.v1.daemon;

import org.jspecify.annotations.NullMarked;
