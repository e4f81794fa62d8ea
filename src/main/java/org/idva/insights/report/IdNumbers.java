package org.idva.insights.report;

import java.util.Arrays;

/**
 * Numbers the values of an identifier while case data loads: the same value of the same service
 * gets the same number on every sheet, numbered 0, 1, 2... in the order first met. The columns keep
 * the numbers, not the strings; the values are held here only while loading, as characters in one
 * array with an open-addressing table over them (about 40 bytes a value, against about 100 for a
 * map of strings to boxed numbers: at 100x the sample that is 1.6 million values).
 */
final class IdNumbers {
  private int[] table = new int[1024]; // number + 1 of the value in each slot; 0 when empty
  private int[] service = new int[256]; // by number
  private int[] hash = new int[256];
  private int[] start = new int[257]; // by number: where its characters start; then the end
  private char[] chars = new char[4096];
  private int count;

  /** The number of {@code value} for the service at index {@code service}. */
  int number(int serviceIndex, String value) {
    int h = mix(serviceIndex, value.hashCode());
    int mask = table.length - 1;
    for (int slot = h & mask; ; slot = (slot + 1) & mask) {
      int n = table[slot] - 1;
      if (n < 0) {
        n = add(serviceIndex, value, h);
        table[slot] = n + 1;
        if (2 * count > table.length) {
          rehash();
        }
        return n;
      }
      if (hash[n] == h && service[n] == serviceIndex && same(n, value)) {
        return n;
      }
    }
  }

  /** How many distinct values have been numbered. */
  int count() {
    return count;
  }

  private static int mix(int serviceIndex, int valueHash) {
    int h = valueHash * 31 + serviceIndex;
    return h ^ (h >>> 16) ^ (h >>> 7);
  }

  private boolean same(int n, String value) {
    int from = start[n];
    int length = start[n + 1] - from;
    if (length != value.length()) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (chars[from + i] != value.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private int add(int serviceIndex, String value, int h) {
    int n = count++;
    if (n == service.length) {
      int cap = n + (n >> 1);
      service = Arrays.copyOf(service, cap);
      hash = Arrays.copyOf(hash, cap);
      start = Arrays.copyOf(start, cap + 1);
    }
    int from = start[n];
    int end = from + value.length();
    if (end > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(end, chars.length + (chars.length >> 1)));
    }
    value.getChars(0, value.length(), chars, from);
    start[n + 1] = end;
    service[n] = serviceIndex;
    hash[n] = h;
    return n;
  }

  private void rehash() {
    int[] bigger = new int[table.length * 2];
    int mask = bigger.length - 1;
    for (int n = 0; n < count; n++) {
      int slot = hash[n] & mask;
      while (bigger[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      bigger[slot] = n + 1;
    }
    table = bigger;
  }
}
