package dev.containerregistry.v1.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UploadStatusTest {

  @ParameterizedTest(name = "Range {0} -> offset {1}")
  @CsvSource({"0-0, 0", "0--1, 0", "0-1, 2", "0-16383, 16384", "bytes=0-99, 100", "' 0-9 ', 10"})
  void readsTheOffsetAfterARange(String range, long offset) {
    assertEquals(offset, UploadStatus.offsetAfter(range));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "abc", "0-x", "12"})
  void refusesRangesThatAreNotStartDashEnd(String range) {
    assertThrows(NumberFormatException.class, () -> UploadStatus.offsetAfter(range));
  }
}
