/** The empty image ({@code FROM scratch}) and the empty index. */
@NullMarked
package dev.containerregistry.v1.empty;

import org.jspecify.annotations.NullMarked;
