package dev.containerregistry.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Fills buffers with bytes that compress like the files of a real image: already-compressed
 * archives (random), program text and configuration (a skewed vocabulary), and executables (skewed
 * instruction-like byte sequences, constants, zero padding and string tables).
 */
final class ContentGenerator {

  /** The kinds of file content, each compressing differently. */
  enum Kind {
    COMPRESSED,
    TEXT,
    BINARY
  }

  private static final int VOCABULARY = 4096;
  private static final int OPCODES = 512;
  private static final int SNIPPETS = 1024;
  private static final int PAGE = 4096;

  private final SplittableRandom random;
  private final byte[][] words;
  private final byte[][] opcodes;
  private final byte[][] snippets;

  ContentGenerator(SplittableRandom random) {
    this.random = random;
    this.words = new byte[VOCABULARY][];
    for (int i = 0; i < VOCABULARY; i++) {
      words[i] = randomWord(2 + random.nextInt(9));
    }
    this.opcodes = new byte[OPCODES][];
    for (int i = 0; i < OPCODES; i++) {
      opcodes[i] = randomBytes(1 + random.nextInt(7));
    }
    this.snippets = new byte[SNIPPETS][];
    for (int i = 0; i < SNIPPETS; i++) {
      snippets[i] = new byte[8 + random.nextInt(120)];
      fillOpcodes(snippets[i], 0, snippets[i].length);
    }
  }

  /** Writes {@code length} bytes of {@code kind} content. */
  void fill(Kind kind, byte[] buffer, int offset, int length) {
    switch (kind) {
      case COMPRESSED -> fillRandom(buffer, offset, length);
      case TEXT -> fillText(buffer, offset, length);
      case BINARY -> fillBinary(buffer, offset, length);
    }
  }

  private void fillBinary(byte[] buffer, int offset, int length) {
    int end = offset + length;
    for (int page = offset; page < end; page += PAGE) {
      int pageEnd = Math.min(end, page + PAGE);
      int choice = random.nextInt(100);
      if (choice < 60) {
        fillInstructions(buffer, page, pageEnd);
      } else if (choice < 75) {
        Arrays.fill(buffer, page, pageEnd, (byte) 0);
      } else if (choice < 82) {
        fillRandom(buffer, page, pageEnd - page);
      } else {
        fillText(buffer, page, pageEnd - page);
      }
    }
  }

  /** Code: recurring snippets (as compilers emit), some with a fresh constant patched in. */
  private void fillInstructions(byte[] buffer, int from, int to) {
    int position = from;
    while (position < to) {
      byte[] snippet = snippets[skewed(SNIPPETS)];
      int n = Math.min(snippet.length, to - position);
      System.arraycopy(snippet, 0, buffer, position, n);
      if (n > 4 && random.nextInt(3) == 0) {
        int at = position + random.nextInt(n - 3);
        int value = random.nextInt();
        for (int i = 0; i < 4; i++) {
          buffer[at + i] = (byte) (value >>> (8 * i));
        }
      }
      position += n;
    }
  }

  private void fillOpcodes(byte[] buffer, int from, int to) {
    int position = from;
    while (position < to) {
      byte[] opcode = opcodes[skewed(OPCODES)];
      int n = Math.min(opcode.length, to - position);
      System.arraycopy(opcode, 0, buffer, position, n);
      position += n;
    }
  }

  private void fillText(byte[] buffer, int offset, int length) {
    int position = offset;
    int end = offset + length;
    int column = 0;
    while (position < end) {
      byte[] word = words[skewed(VOCABULARY)];
      int n = Math.min(word.length, end - position);
      System.arraycopy(word, 0, buffer, position, n);
      position += n;
      column += n;
      if (position < end) {
        buffer[position++] = column > 70 ? (byte) '\n' : (byte) ' ';
        column = column > 70 ? 0 : column + 1;
      }
    }
  }

  private void fillRandom(byte[] buffer, int offset, int length) {
    int position = offset;
    int end = offset + length;
    while (position < end) {
      long value = random.nextLong();
      for (int i = 0; i < 8 && position < end; i++) {
        buffer[position++] = (byte) (value >>> (8 * i));
      }
    }
  }

  /** An index in {@code [0, bound)}, small indexes far more likely (roughly Zipf-like). */
  private int skewed(int bound) {
    double u = random.nextDouble();
    return (int) (bound * u * u * u);
  }

  private byte[] randomWord(int length) {
    byte[] word = new byte[length];
    for (int i = 0; i < length; i++) {
      word[i] = (byte) ('a' + random.nextInt(26));
    }
    if (random.nextInt(8) == 0) {
      word[0] = "{}();=._/".getBytes(StandardCharsets.US_ASCII)[random.nextInt(9)];
    }
    return word;
  }

  private byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    fillRandom(bytes, 0, length);
    return bytes;
  }
}
