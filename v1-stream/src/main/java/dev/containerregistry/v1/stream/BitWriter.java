package dev.containerregistry.v1.stream;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Packs bits as deflate does, least significant bit first (RFC 1951, section 3.1.1), into an array
 * that is drained to a block's output. Bits that do not yet fill a byte stay pending across drains,
 * as deflate blocks follow each other without alignment.
 */
final class BitWriter {

  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[] bytes;
  private int length;
  private long pending;
  private int pendingBits;

  /** A writer whose array starts at {@code capacity} bytes and grows when a block needs more. */
  BitWriter(int capacity) {
    this.bytes = new byte[capacity];
  }

  /** Writes the low {@code count} bits of {@code value}, at most 32, the rest of it being 0. */
  void write(long value, int count) {
    pending |= value << pendingBits;
    pendingBits += count;
    if (pendingBits >= Integer.SIZE) {
      reserve(Integer.BYTES);
      INT_LE.set(bytes, length, (int) pending);
      length += Integer.BYTES;
      pending >>>= Integer.SIZE;
      pendingBits -= Integer.SIZE;
    }
  }

  /** The bits written since the last byte boundary, 0 to 7. */
  int bitsPastByte() {
    return pendingBits % Byte.SIZE;
  }

  /** Pads with zero bits to a byte boundary. */
  void alignToByte() {
    int padded = (pendingBits + Byte.SIZE - 1) / Byte.SIZE;
    reserve(padded);
    for (int i = 0; i < padded; i++) {
      bytes[length++] = (byte) pending;
      pending >>>= Byte.SIZE;
    }
    pending = 0;
    pendingBits = 0;
  }

  /** Copies bytes as they are; the writer must be at a byte boundary. */
  void writeBytes(byte[] source, int offset, int count) {
    reserve(count);
    System.arraycopy(source, offset, bytes, length, count);
    length += count;
  }

  /** Moves the whole bytes written so far to the end of {@code output}; pending bits stay. */
  void drainTo(ChunkedBytes output) {
    output.append(bytes, 0, length);
    length = 0;
  }

  private void reserve(int count) {
    if (length + count > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
    }
  }
}
