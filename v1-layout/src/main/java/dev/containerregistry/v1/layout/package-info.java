/**
 * OCI image layouts on disk ({@code oci-layout}, {@code index.json}, {@code blobs/}): {@link
 * dev.containerregistry.v1.layout.Layout} writes images and indexes into one, reads them back with
 * every blob verified, and removes blobs nothing refers to.
 */
@NullMarked
package dev.containerregistry.v1.layout;

import org.jspecify.annotations.NullMarked;
