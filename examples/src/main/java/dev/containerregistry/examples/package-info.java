/** Short programs that use the SDK as its users do. */
@NullMarked
package dev.containerregistry.examples;

import org.jspecify.annotations.NullMarked;
