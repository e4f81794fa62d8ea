package org.idva.insights.store;

/**
 * What the values of a row stored in one layout ({@link RowLayouts}) are now: per value, the index
 * of the sheet's field it is ({@code -1} for a field since removed from the schema), and, for a
 * coded field whose answers the layout holds by number, the codes those numbers stand for (the
 * schema's own strings where the code list still has them). A layout stored before code lists
 * (migration V11) holds every code as its text: {@code codes} is all null.
 *
 * @param fields per value: the sheet's field index, or -1
 * @param codes per value: the codes its numbers stand for, or null when it holds no numbers for
 *     codes
 */
record StoredLayout(int[] fields, String[][] codes) {
  /** A layout whose coded answers are held as their text. */
  static StoredLayout ofText(int[] fields) {
    return new StoredLayout(fields, new String[fields.length][]);
  }

  /** How many values a row in this layout may hold. */
  int size() {
    return fields.length;
  }

  /** The code number {@code n} of value {@code position} stands for; null when there is none. */
  String code(int position, long n) {
    String[] list = codes[position];
    return list == null || n < 0 || n >= list.length ? null : list[(int) n];
  }
}
