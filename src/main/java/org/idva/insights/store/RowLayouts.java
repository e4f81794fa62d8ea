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
 * written in a new one, and rows in an older layout are still read by the ids it holds.
 */
final class RowLayouts {
  private static final JsonFactory JSON = new JsonFactory();

  private final CaseStore store;

  /** Per layout read: the positions of its values in the sheet's fields now. */
  private final Map<Long, int[]> positions = new ConcurrentHashMap<>();

  RowLayouts(CaseStore store) {
    this.store = store;
  }

  /**
   * What each value of a row in layout {@code id} is now ({@link RowCodec#positions}); read from
   * the store the first time, on the store's connection (so by the thread using it).
   */
  int[] positions(long id) throws SQLException {
    int[] known = positions.get(id);
    if (known != null) {
      return known;
    }
    try (PreparedStatement ps =
        store
            .connection()
            .prepareStatement("SELECT sheet_ref, field_ids FROM row_layout WHERE layout_id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("a stored row names layout " + id + ", which the store lacks");
        }
        int[] found = positionsOf(rs.getString(1), rs.getString(2));
        positions.put(id, found);
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
                .prepareStatement("SELECT layout_id, sheet_ref, field_ids FROM row_layout");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        positions.putIfAbsent(rs.getLong(1), positionsOf(rs.getString(2), rs.getString(3)));
      }
    }
  }

  /**
   * The positions of a stored layout's values in its sheet's fields now; none for a sheet no longer
   * in the schema (its rows are not read as data).
   */
  private int[] positionsOf(String sheetRef, String fieldIds) throws SQLException {
    RowCodec codec = store.codec(sheetRef);
    return codec == null ? new int[0] : codec.positions(fieldIds(fieldIds));
  }

  /**
   * The layout the sheet's rows are written in now (its codec's), as stored on {@code c}: added in
   * the caller's transaction when the store has no such layout yet.
   */
  static long idFor(Connection c, String sheetRef, RowCodec codec) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT layout_id FROM row_layout WHERE sheet_ref = ? AND field_ids = ?")) {
      ps.setString(1, sheetRef);
      ps.setString(2, codec.layout());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return rs.getLong(1);
        }
      }
    }
    long id = CaseStore.nextId(c, "row_layout", "layout_id");
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO row_layout (layout_id, sheet_ref, field_ids) VALUES (?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, sheetRef);
      ps.setString(3, codec.layout());
      ps.executeUpdate();
    }
    return id;
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
