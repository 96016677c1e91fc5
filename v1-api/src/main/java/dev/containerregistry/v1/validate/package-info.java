/** Checks that an image or index is internally consistent: digests, sizes and DiffIDs. */
@NullMarked
package dev.containerregistry.v1.validate;

import org.jspecify.annotations.NullMarked;
