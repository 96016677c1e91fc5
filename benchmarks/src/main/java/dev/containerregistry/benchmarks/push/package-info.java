/**
 * The push benchmark, side by side: one corpus pushed to a local registry by the SDK's layers,
 * Jib-core and skopeo, each run in a process of its own, with medians, ratios, bytes and heap.
 */
@NullMarked
package dev.containerregistry.benchmarks.push;

import org.jspecify.annotations.NullMarked;
