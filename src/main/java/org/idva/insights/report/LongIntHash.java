package org.idva.insights.report;

import java.util.Arrays;

/**
 * A map from non-negative {@code long} keys to {@code int} values in two primitive arrays (open
 * addressing, linear probing), for joining sheets on composite keys without boxing.
 */
final class LongIntHash {
  private static final long EMPTY = -1;
  private final long[] keys;
  private final int[] values;
  private final int mask;

  LongIntHash(int expected) {
    int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
    keys = new long[cap];
    values = new int[cap];
    mask = cap - 1;
    Arrays.fill(keys, EMPTY);
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    int i = (int) (h ^ (h >>> 32)) & mask;
    while (keys[i] != EMPTY && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** The value for the key, or {@code missing}. */
  int get(long key, int missing) {
    int i = slot(key);
    return keys[i] == EMPTY ? missing : values[i];
  }

  void put(long key, int value) {
    if (key < 0) {
      throw new IllegalArgumentException("negative key " + key);
    }
    int i = slot(key);
    keys[i] = key;
    values[i] = value;
  }
}
