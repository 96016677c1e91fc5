package dev.containerregistry.v1.stream;

import java.util.Arrays;

/**
 * The literals and matches of one deflate block, written when full or at the end of a piece of
 * input, with codes made for it (a dynamic block) or as the input itself (stored blocks), whichever
 * is smaller (RFC 1951, sections 3.2.3 to 3.2.7). Its arrays are kept from block to block.
 */
final class DeflateBlock {

  /** The most symbols in a block. */
  static final int CAPACITY = 32 * 1024;

  /** The longest match deflate can encode. */
  static final int MAX_MATCH = 258;

  private static final int END_OF_BLOCK = 256;
  private static final int LITERAL_LENGTH_SYMBOLS = 286;
  private static final int DISTANCE_SYMBOLS = 30;
  private static final int CODE_LENGTH_SYMBOLS = 19;
  private static final int MAX_CODE_LENGTH_LENGTH = 7;
  private static final int MAX_STORED = 65_535;
  private static final int DYNAMIC = 2;
  private static final int REPEAT_PREVIOUS = 16;
  private static final int REPEAT_ZERO = 17;
  private static final int REPEAT_ZERO_LONG = 18;

  private static final int[] LENGTH_BASE = {
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258
  };
  private static final int[] LENGTH_EXTRA = {
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0
  };
  private static final int[] DISTANCE_BASE = {
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
    3073, 4097, 6145, 8193, 12289, 16385, 24577
  };
  private static final int[] DISTANCE_EXTRA = {
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13
  };
  private static final int[] CODE_LENGTH_ORDER = {
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15
  };

  /** The length code (0 to 28) of each match length, 3 to 258. */
  private static final byte[] LENGTH_CODE = new byte[MAX_MATCH + 1];

  /**
   * The distance code of distance d: entry d - 1 for d up to 256, else entry 256 + (d - 1) / 128
   * (codes above 15 cover whole multiples of 128).
   */
  private static final byte[] DISTANCE_CODE = new byte[512];

  static {
    for (int code = 0; code < LENGTH_BASE.length; code++) {
      int end = code + 1 < LENGTH_BASE.length ? LENGTH_BASE[code + 1] : LENGTH_CODE.length;
      Arrays.fill(LENGTH_CODE, LENGTH_BASE[code], end, (byte) code);
    }
    int code = 0;
    for (int distance = 1; distance <= InputWindow.SIZE; distance++) {
      while (code + 1 < DISTANCE_BASE.length && DISTANCE_BASE[code + 1] <= distance) {
        code++;
      }
      DISTANCE_CODE[distanceIndex(distance)] = (byte) code;
    }
  }

  private final int[] symbols = new int[CAPACITY];
  private int count;
  private final int[] literalFrequencies = new int[LITERAL_LENGTH_SYMBOLS];
  private final int[] distanceFrequencies = new int[DISTANCE_SYMBOLS];
  private final int[] literalLengths = new int[LITERAL_LENGTH_SYMBOLS];
  private final int[] literalCodes = new int[LITERAL_LENGTH_SYMBOLS];
  private final int[] distanceLengths = new int[DISTANCE_SYMBOLS];
  private final int[] distanceCodes = new int[DISTANCE_SYMBOLS];
  private final int[] allLengths = new int[LITERAL_LENGTH_SYMBOLS + DISTANCE_SYMBOLS];
  private final int[] runs = new int[LITERAL_LENGTH_SYMBOLS + DISTANCE_SYMBOLS];
  private int runCount;
  private final int[] codeLengthFrequencies = new int[CODE_LENGTH_SYMBOLS];
  private final int[] codeLengthLengths = new int[CODE_LENGTH_SYMBOLS];
  private final int[] codeLengthCodes = new int[CODE_LENGTH_SYMBOLS];
  private final HuffmanCode huffman = new HuffmanCode();

  /** True when no more symbols fit. */
  boolean full() {
    return count == CAPACITY;
  }

  /** How many more symbols fit. */
  int room() {
    return CAPACITY - count;
  }

  void literal(int value) {
    symbols[count++] = value;
    literalFrequencies[value]++;
  }

  /** A match of {@code length} (3 to 258) bytes at {@code distance} (1 to 32768) back. */
  void match(int length, int distance) {
    symbols[count++] = (length << Short.SIZE) | (distance - 1);
    literalFrequencies[END_OF_BLOCK + 1 + LENGTH_CODE[length]]++;
    distanceFrequencies[DISTANCE_CODE[distanceIndex(distance)]]++;
  }

  /**
   * Writes the block, whose symbols encode {@code input[start..end)}, the last of the stream when
   * {@code last}, then empties it.
   */
  void write(BitWriter out, byte[] input, int start, int end, boolean last) {
    literalFrequencies[END_OF_BLOCK]++;
    huffman.lengths(
        literalFrequencies, LITERAL_LENGTH_SYMBOLS, HuffmanCode.MAX_LENGTH, literalLengths);
    huffman.lengths(distanceFrequencies, DISTANCE_SYMBOLS, HuffmanCode.MAX_LENGTH, distanceLengths);
    int literalCount = usedLength(literalLengths, END_OF_BLOCK + 1);
    int distanceCount = usedLength(distanceLengths, 1);
    countRuns(literalCount, distanceCount);
    huffman.lengths(
        codeLengthFrequencies, CODE_LENGTH_SYMBOLS, MAX_CODE_LENGTH_LENGTH, codeLengthLengths);
    int codeLengthCount = CODE_LENGTH_SYMBOLS;
    while (codeLengthCount > 4 && codeLengthLengths[CODE_LENGTH_ORDER[codeLengthCount - 1]] == 0) {
      codeLengthCount--;
    }
    huffman.codes(codeLengthLengths, CODE_LENGTH_SYMBOLS, codeLengthCodes);
    long dynamicBits = dynamicBits(codeLengthCount);
    long storedBits = storedBits(out.bitsPastByte(), end - start);
    if (storedBits <= dynamicBits) {
      writeStored(out, input, start, end, last);
    } else {
      writeDynamic(out, last, literalCount, distanceCount, codeLengthCount);
    }
    count = 0;
    Arrays.fill(literalFrequencies, 0);
    Arrays.fill(distanceFrequencies, 0);
    Arrays.fill(codeLengthFrequencies, 0);
  }

  private static int distanceIndex(int distance) {
    return distance <= 256 ? distance - 1 : 256 + ((distance - 1) >> 7);
  }

  /** The number of leading entries to send: up to the last nonzero one, at least {@code min}. */
  private static int usedLength(int[] lengths, int min) {
    int used = lengths.length;
    while (used > min && lengths[used - 1] == 0) {
      used--;
    }
    return used;
  }

  /**
   * Run-length encodes the code lengths to send (section 3.2.7): runs of a length repeated 3 to 6
   * times after it (16), of zeros 3 to 10 (17) or 11 to 138 times (18). Each run is its symbol plus
   * its repeat count shifted by a byte.
   */
  private void countRuns(int literalCount, int distanceCount) {
    System.arraycopy(literalLengths, 0, allLengths, 0, literalCount);
    System.arraycopy(distanceLengths, 0, allLengths, literalCount, distanceCount);
    int total = literalCount + distanceCount;
    runCount = 0;
    for (int i = 0; i < total; ) {
      int length = allLengths[i];
      int run = 1;
      while (i + run < total && allLengths[i + run] == length) {
        run++;
      }
      i += run;
      if (length == 0) {
        for (; run >= 11; run -= Math.min(run, 138)) {
          addRun(REPEAT_ZERO_LONG, Math.min(run, 138) - 11);
        }
        if (run >= 3) {
          addRun(REPEAT_ZERO, run - 3);
          run = 0;
        }
      } else {
        addRun(length, 0);
        run--;
        for (; run >= 3; run -= Math.min(run, 6)) {
          addRun(REPEAT_PREVIOUS, Math.min(run, 6) - 3);
        }
      }
      for (; run > 0; run--) {
        addRun(length, 0);
      }
    }
  }

  private void addRun(int symbol, int repeat) {
    runs[runCount++] = symbol | (repeat << Byte.SIZE);
    codeLengthFrequencies[symbol]++;
  }

  private static int repeatBits(int symbol) {
    return switch (symbol) {
      case REPEAT_PREVIOUS -> 2;
      case REPEAT_ZERO -> 3;
      case REPEAT_ZERO_LONG -> 7;
      default -> 0;
    };
  }

  /** The size of the block written with its own codes, header included. */
  private long dynamicBits(int codeLengthCount) {
    long bits = 3 + 5 + 5 + 4 + 3L * codeLengthCount;
    for (int i = 0; i < runCount; i++) {
      int symbol = runs[i] & 0xff;
      bits += codeLengthLengths[symbol] + repeatBits(symbol);
    }
    for (int s = 0; s < LITERAL_LENGTH_SYMBOLS; s++) {
      int extra = s > END_OF_BLOCK ? LENGTH_EXTRA[s - END_OF_BLOCK - 1] : 0;
      bits += (long) literalFrequencies[s] * (literalLengths[s] + extra);
    }
    for (int s = 0; s < DISTANCE_SYMBOLS; s++) {
      bits += (long) distanceFrequencies[s] * (distanceLengths[s] + DISTANCE_EXTRA[s]);
    }
    return bits;
  }

  /** Stored blocks of at most 64 KiB - 1: each a 3-bit header, padding, then 4 bytes of length. */
  private static long storedBits(int bitsPastByte, int length) {
    int blocks = Math.max(1, (length + MAX_STORED - 1) / MAX_STORED);
    int firstHeader = ((bitsPastByte + 3 + Byte.SIZE - 1) / Byte.SIZE * Byte.SIZE) - bitsPastByte;
    return firstHeader + (blocks - 1) * 8L + blocks * 32L + 8L * length;
  }

  private static void writeStored(BitWriter out, byte[] input, int start, int end, boolean last) {
    int position = start;
    do {
      int length = Math.min(MAX_STORED, end - position);
      out.write(last && position + length == end ? 1 : 0, 3);
      out.alignToByte();
      out.write(length | ((long) (~length & 0xffff) << Short.SIZE), Integer.SIZE);
      out.writeBytes(input, position, length);
      position += length;
    } while (position < end);
  }

  private void writeDynamic(
      BitWriter out, boolean last, int literalCount, int distanceCount, int codeLengthCount) {
    huffman.codes(literalLengths, LITERAL_LENGTH_SYMBOLS, literalCodes);
    huffman.codes(distanceLengths, DISTANCE_SYMBOLS, distanceCodes);
    out.write((last ? 1 : 0) | (DYNAMIC << 1), 3);
    out.write(literalCount - END_OF_BLOCK - 1, 5);
    out.write(distanceCount - 1, 5);
    out.write(codeLengthCount - 4, 4);
    for (int i = 0; i < codeLengthCount; i++) {
      out.write(codeLengthLengths[CODE_LENGTH_ORDER[i]], 3);
    }
    for (int i = 0; i < runCount; i++) {
      int symbol = runs[i] & 0xff;
      out.write(codeLengthCodes[symbol], codeLengthLengths[symbol]);
      out.write(runs[i] >>> Byte.SIZE, repeatBits(symbol));
    }
    for (int i = 0; i < count; i++) {
      int symbol = symbols[i];
      if (symbol < END_OF_BLOCK) {
        out.write(literalCodes[symbol], literalLengths[symbol]);
      } else {
        writeMatch(out, symbol >>> Short.SIZE, (symbol & 0xffff) + 1);
      }
    }
    out.write(literalCodes[END_OF_BLOCK], literalLengths[END_OF_BLOCK]);
  }

  private void writeMatch(BitWriter out, int length, int distance) {
    int lengthCode = LENGTH_CODE[length];
    int lengthSymbol = END_OF_BLOCK + 1 + lengthCode;
    out.write(
        literalCodes[lengthSymbol]
            | ((long) (length - LENGTH_BASE[lengthCode]) << literalLengths[lengthSymbol]),
        literalLengths[lengthSymbol] + LENGTH_EXTRA[lengthCode]);
    int distanceCode = DISTANCE_CODE[distanceIndex(distance)];
    out.write(
        distanceCodes[distanceCode]
            | ((long) (distance - DISTANCE_BASE[distanceCode]) << distanceLengths[distanceCode]),
        distanceLengths[distanceCode] + DISTANCE_EXTRA[distanceCode]);
  }
}
