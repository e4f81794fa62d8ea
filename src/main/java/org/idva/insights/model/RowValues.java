package org.idva.insights.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A form row's answers: an unmodifiable map in the order the answers were put, held in two arrays
 * and a small hash index rather than a {@code LinkedHashMap}'s entry per answer, a quarter of the
 * memory. Returns waiting their turn to be merged hold every row they read, so this is what a run
 * keeps most of while the returns go through (docs/performance.md). No null keys.
 */
public final class RowValues extends AbstractMap<String, Object> {
  private static final RowValues EMPTY = new RowValues(new String[0], new Object[0]);

  private final String[] keys;
  private final Object[] values;

  /** Open addressing over key hashes: 1 + the key's index, 0 for an empty slot. */
  private final short[] index;

  private RowValues(String[] keys, Object[] values) {
    this.keys = keys;
    this.values = values;
    int slots = Integer.highestOneBit(Math.max(2, keys.length) * 2 - 1) << 1;
    this.index = new short[slots];
    for (int i = 0; i < keys.length; i++) {
      int s = slot(keys[i]);
      while (index[s] != 0) {
        if (keys[index[s] - 1].equals(keys[i])) {
          throw new IllegalArgumentException("the key " + keys[i] + " is given twice");
        }
        s = (s + 1) & (index.length - 1);
      }
      index[s] = (short) (i + 1);
    }
  }

  /** The same answers, in the same order ({@code values} itself when it is one already). */
  public static RowValues copyOf(Map<String, ?> values) {
    if (values instanceof RowValues r) {
      return r;
    }
    int n = values.size();
    if (n == 0) {
      return EMPTY;
    }
    if (n >= Short.MAX_VALUE) {
      throw new IllegalArgumentException("a row of " + n + " answers");
    }
    String[] keys = new String[n];
    Object[] vals = new Object[n];
    int i = 0;
    for (Map.Entry<String, ?> e : values.entrySet()) {
      if (i == n) {
        throw new IllegalArgumentException("the map grew while it was copied");
      }
      keys[i] = java.util.Objects.requireNonNull(e.getKey(), "a null key");
      vals[i] = e.getValue();
      i++;
    }
    if (i != n) {
      throw new IllegalArgumentException("the map shrank while it was copied");
    }
    return new RowValues(keys, vals);
  }

  private int slot(Object key) {
    int h = key.hashCode();
    return (h ^ (h >>> 16)) & (index.length - 1);
  }

  private int find(Object key) {
    if (!(key instanceof String) || keys.length == 0) {
      return -1;
    }
    int s = slot(key);
    while (true) {
      int i = index[s] - 1;
      if (i < 0) {
        return -1;
      }
      if (keys[i].equals(key)) {
        return i;
      }
      s = (s + 1) & (index.length - 1);
    }
  }

  /**
   * The key at {@code i} in the order the row was given ({@code 0 <= i < size()}): with {@link
   * #valueAt}, lets a reader that expects the keys in a known order take them without hashing.
   */
  public String keyAt(int i) {
    return keys[i];
  }

  /** The value at {@code i}, the value of {@link #keyAt}{@code (i)}. */
  public Object valueAt(int i) {
    return values[i];
  }

  @Override
  public Object get(Object key) {
    int i = find(key);
    return i < 0 ? null : values[i];
  }

  @Override
  public boolean containsKey(Object key) {
    return find(key) >= 0;
  }

  @Override
  public int size() {
    return keys.length;
  }

  @Override
  public boolean isEmpty() {
    return keys.length == 0;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    for (int i = 0; i < keys.length; i++) {
      action.accept(keys[i], values[i]);
    }
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int i;

          @Override
          public boolean hasNext() {
            return i < keys.length;
          }

          @Override
          public Map.Entry<String, Object> next() {
            if (i >= keys.length) {
              throw new NoSuchElementException();
            }
            int k = i++;
            return new SimpleImmutableEntry<>(keys[k], values[k]);
          }
        };
      }

      @Override
      public int size() {
        return keys.length;
      }
    };
  }
}
