package org.idva.insights.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The field lists stored rows hold their values in ({@code row_layout}, migration V9): each sheet's
 * field ids in order, stored once, so a row need not name its fields. A layout is never changed
 * once stored; when a sheet's fields change (a question added to its form definition) its rows are
 * written in a new one, and rows in an older layout are still read by the ids it holds. A layout
 * stored from migration V11 on also holds each coded field's codes in order ({@code code_lists}):
 * its rows write a code as its number in that list. One stored before holds none, and its rows hold
 * every code as text.
 */
final class RowLayouts {
  private static final JsonFactory JSON = new JsonFactory();

  private final CaseStore store;

  /** Per layout read: what its values are now. */
  private final Map<Long, StoredLayout> layouts = new ConcurrentHashMap<>();

  RowLayouts(CaseStore store) {
    this.store = store;
  }

  /**
   * What each value of a row in layout {@code id} is now ({@link RowCodec#layoutOf}); read from the
   * store the first time, on the store's connection (so by the thread using it).
   */
  StoredLayout layout(long id) throws SQLException {
    StoredLayout known = layouts.get(id);
    if (known != null) {
      return known;
    }
    try (PreparedStatement ps =
        store
            .connection()
            .prepareStatement(
                "SELECT sheet_ref, field_ids, code_lists FROM row_layout WHERE layout_id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("a stored row names layout " + id + ", which the store lacks");
        }
        StoredLayout found = layoutOf(rs.getString(1), rs.getString(2), rs.getString(3));
        layouts.put(id, found);
        return found;
      }
    }
  }

  /**
   * Reads every stored layout not yet read (before a long read of rows, so that reading them asks
   * the store nothing more).
   */
  void readAll() throws SQLException {
    try (PreparedStatement ps =
            store
                .connection()
                .prepareStatement(
                    "SELECT layout_id, sheet_ref, field_ids, code_lists FROM row_layout");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        layouts.putIfAbsent(
            rs.getLong(1), layoutOf(rs.getString(2), rs.getString(3), rs.getString(4)));
      }
    }
  }

  /**
   * What a stored layout's values are now; none for a sheet no longer in the schema (its rows are
   * not read as data).
   */
  private StoredLayout layoutOf(String sheetRef, String fieldIds, String codeLists)
      throws SQLException {
    RowCodec codec = store.codec(sheetRef);
    if (codec == null) {
      return StoredLayout.ofText(new int[0]);
    }
    return codec.layoutOf(fieldIds(fieldIds), codeLists == null ? null : codeLists(codeLists));
  }

  /**
   * The layout the sheet's rows are written in now (its codec's), as stored on {@code c}: added in
   * the caller's transaction when the store has no such layout yet.
   */
  static long idFor(Connection c, String sheetRef, RowCodec codec) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT layout_id FROM row_layout WHERE sheet_ref = ? AND field_ids = ?"
                + " AND code_lists = ?")) {
      ps.setString(1, sheetRef);
      ps.setString(2, codec.layout());
      ps.setString(3, codec.codeLists());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return rs.getLong(1);
        }
      }
    }
    long id = CaseStore.nextId(c, "row_layout", "layout_id");
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO row_layout (layout_id, sheet_ref, field_ids, code_lists)"
                + " VALUES (?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, sheetRef);
      ps.setString(3, codec.layout());
      ps.setString(4, codec.codeLists());
      ps.executeUpdate();
    }
    return id;
  }

  /**
   * The code lists of a stored layout ({@code [null,["a","b"],...]}): per field, null or its codes.
   */
  static List<List<String>> codeLists(String json) throws SQLException {
    List<List<String>> lists = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new SQLException("a stored layout's code lists are not a JSON array: " + json);
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t == JsonToken.VALUE_NULL) {
          lists.add(null);
          continue;
        }
        if (t != JsonToken.START_ARRAY) {
          throw new SQLException("a stored layout's code list is not a JSON array: " + json);
        }
        List<String> codes = new ArrayList<>();
        for (JsonToken c = p.nextToken(); c != JsonToken.END_ARRAY; c = p.nextToken()) {
          if (c != JsonToken.VALUE_STRING) {
            throw new SQLException("a stored layout's code list holds other than codes: " + json);
          }
          codes.add(p.getText());
        }
        lists.add(codes);
      }
    } catch (IOException e) {
      throw new SQLException("a stored layout's code lists are not JSON: " + json, e);
    }
    return lists;
  }

  /** The field ids of a stored layout ({@code ["case_ref","client_ref",...]}). */
  static List<String> fieldIds(String json) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new SQLException("a stored layout is not a JSON array: " + json);
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t != JsonToken.VALUE_STRING) {
          throw new SQLException("a stored layout holds other than field ids: " + json);
        }
        ids.add(p.getText());
      }
    } catch (IOException e) {
      throw new SQLException("a stored layout is not JSON: " + json, e);
    }
    return ids;
  }
}
