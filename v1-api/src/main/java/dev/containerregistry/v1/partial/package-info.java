/** Adapters that derive a whole layer, image or index from the few methods a plugin implements. */
@NullMarked
package dev.containerregistry.v1.partial;

import org.jspecify.annotations.NullMarked;
