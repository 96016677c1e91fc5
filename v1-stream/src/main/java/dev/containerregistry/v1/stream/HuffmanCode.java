package dev.containerregistry.v1.stream;

import java.util.Arrays;

/**
 * Builds deflate's Huffman codes (RFC 1951, section 3.2.2): code lengths from symbol frequencies,
 * limited to a maximum length, then the canonical codes for those lengths. Its scratch arrays are
 * kept, so building a code allocates nothing.
 *
 * <p>Lengths come from a Huffman tree built with two queues (the sorted symbols and the merged
 * nodes, both in increasing weight, ties to the symbol of lower weight then number). Should a
 * length exceed the maximum, every weight is halved (keeping it above zero) and the tree built
 * again: a little less than optimal for the rare skewed block, and simple. A code always has at
 * least two symbols (an unused one is added), so that every code is complete, which some decoders
 * require.
 */
final class HuffmanCode {

  /** The largest alphabet: 286 literal/length symbols. */
  static final int MAX_SYMBOLS = 286;

  /** The longest code deflate allows. */
  static final int MAX_LENGTH = 15;

  private final int[] weights = new int[MAX_SYMBOLS];
  private final long[] leaves = new long[MAX_SYMBOLS];
  private final long[] merged = new long[MAX_SYMBOLS];
  private final int[] parent = new int[2 * MAX_SYMBOLS];
  private final int[] depth = new int[2 * MAX_SYMBOLS];
  private final int[] lengthCounts = new int[MAX_LENGTH + 1];
  private final int[] nextCode = new int[MAX_LENGTH + 1];
  private int leafCount;
  private int nextLeaf;
  private int mergedHead;
  private int mergedTail;

  /**
   * Sets {@code lengths[0..count)} to code lengths of at most {@code maxLength} bits for the
   * symbols of {@code frequencies[0..count)}; unused symbols get 0.
   */
  void lengths(int[] frequencies, int count, int maxLength, int[] lengths) {
    System.arraycopy(frequencies, 0, weights, 0, count);
    while (!treeLengths(count, maxLength, lengths)) {
      for (int s = 0; s < count; s++) {
        if (weights[s] > 0) {
          weights[s] = (weights[s] >> 1) | 1;
        }
      }
    }
  }

  /**
   * Sets {@code codes[0..count)} to the canonical codes of {@code lengths}, bit-reversed, as
   * deflate writes Huffman codes from their most significant bit.
   */
  void codes(int[] lengths, int count, int[] codes) {
    Arrays.fill(lengthCounts, 0);
    for (int s = 0; s < count; s++) {
      lengthCounts[lengths[s]]++;
    }
    lengthCounts[0] = 0;
    int code = 0;
    for (int bits = 1; bits <= MAX_LENGTH; bits++) {
      code = (code + lengthCounts[bits - 1]) << 1;
      nextCode[bits] = code;
    }
    for (int s = 0; s < count; s++) {
      int length = lengths[s];
      if (length > 0) {
        codes[s] = Integer.reverse(nextCode[length]++) >>> (Integer.SIZE - length);
      }
    }
  }

  /** Builds the tree of the current weights; false when a length would exceed the maximum. */
  private boolean treeLengths(int count, int maxLength, int[] lengths) {
    Arrays.fill(lengths, 0, count, 0);
    leafCount = 0;
    for (int s = 0; s < count; s++) {
      if (weights[s] > 0) {
        leaves[leafCount++] = ((long) weights[s] << Integer.SIZE) | s;
      }
    }
    if (leafCount < 2) {
      // One symbol or none: two codes of one bit, with unused symbols 0 or 1 added.
      int used = leafCount == 1 ? (int) leaves[0] : 0;
      lengths[used] = 1;
      lengths[used == 0 ? 1 : 0] = 1;
      return true;
    }
    Arrays.sort(leaves, 0, leafCount);
    nextLeaf = 0;
    mergedHead = 0;
    mergedTail = 0;
    for (int node = leafCount; node < 2 * leafCount - 1; node++) {
      long first = takeLightest();
      long second = takeLightest();
      parent[(int) first] = node;
      parent[(int) second] = node;
      long weight = (first >>> Integer.SIZE) + (second >>> Integer.SIZE);
      merged[mergedTail++] = (weight << Integer.SIZE) | node;
    }
    int root = 2 * leafCount - 2;
    depth[root] = 0;
    for (int node = root - 1; node >= 0; node--) {
      depth[node] = depth[parent[node]] + 1;
    }
    for (int leaf = 0; leaf < leafCount; leaf++) {
      if (depth[leaf] > maxLength) {
        return false;
      }
      lengths[(int) leaves[leaf]] = depth[leaf];
    }
    return true;
  }

  /**
   * Takes the lighter of the next leaf and the next merged node: its weight in the high half, its
   * node number (a leaf's is its rank among the sorted leaves) in the low half.
   */
  private long takeLightest() {
    boolean leafFirst =
        mergedHead == mergedTail
            || (nextLeaf < leafCount
                && (leaves[nextLeaf] >>> Integer.SIZE) <= (merged[mergedHead] >>> Integer.SIZE));
    if (leafFirst) {
      long leaf = leaves[nextLeaf];
      long taken = (leaf & ~0xffffffffL) | nextLeaf;
      nextLeaf++;
      return taken;
    }
    return merged[mergedHead++];
  }
}
