package io.ordo.http.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.Json;
import io.ordo.http.dto.HistoryArtifactContent;
import io.ordo.http.dto.HistoryArtifactsView.Artifact;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of an execution's artifacts: the list, and one artifact's value for its uri. */
final class HistoryArtifacts {

  private HistoryArtifacts() {}

  /** In recording order; values over {@code inlineMax} bytes are left out of the list. */
  static List<Artifact> list(Connection c, String executionId, long inlineMax)
      throws SQLException {
    var items = new ArrayList<Artifact>();
    try (PreparedStatement ps = c.prepareStatement("SELECT name, step_id, item, value_type,"
        + " content_type, size_bytes, CASE WHEN size_bytes <= ? THEN content END, created_at"
        + " FROM execution_artifacts WHERE execution_id = ? ORDER BY seq, step_id, item, name")) {
      ps.setLong(1, inlineMax);
      ps.setString(2, executionId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          String stepId = rs.getString(2);
          Integer item = rs.getInt(3) < 0 ? null : rs.getInt(3);
          String content = rs.getString(7);
          items.add(new Artifact(name, stepId, item, rs.getString(4), rs.getString(5),
              rs.getLong(6), content != null, content == null ? null : json(content),
              uri(executionId, stepId, item, name), HistorySql.instant(rs, 8)));
        }
      }
    }
    return items;
  }

  static Optional<HistoryArtifactContent> one(Connection c, String executionId, String stepId, Integer item,
      String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT content_type, value_type, content"
        + " FROM execution_artifacts WHERE execution_id = ? AND step_id = ? AND item = ?"
        + " AND name = ?")) {
      ps.setString(1, executionId);
      ps.setString(2, stepId);
      ps.setInt(3, item == null ? -1 : item);
      ps.setString(4, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new HistoryArtifactContent(rs.getString(1), rs.getString(2), rs.getString(3)))
            : Optional.empty();
      }
    }
  }

  /** {@code /api/v1/executions/{id}/artifacts/{stepId}/{name}}, plus {@code ?item=} for items. */
  static String uri(String executionId, String stepId, Integer item, String name) {
    return "/api/v1/executions/" + executionId + "/artifacts/" + segment(stepId) + "/"
        + segment(name) + (item == null ? "" : "?item=" + item);
  }

  private static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an artifact that is not JSON", e);
    }
  }
}
