/** The registry client: push, pull, copy, tag, list and delete images, indexes and blobs. */
@NullMarked
package dev.containerregistry.v1.remote;

import org.jspecify.annotations.NullMarked;
