/** Timed runners that measure the SDK and print their figures. */
@NullMarked
package dev.containerregistry.benchmarks;

import org.jspecify.annotations.NullMarked;
