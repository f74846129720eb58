package io.ordo.http.dto;

import java.util.LinkedHashMap;
import java.util.Map;

/** The answer to a start: the execution's id, its status now, and where to follow it. */
public record ExecuteResponse(String executionId, String status, Map<String, String> links) {

  public static ExecuteResponse of(String executionId, String status) {
    String self = "/api/v1/executions/" + executionId;
    var links = new LinkedHashMap<String, String>();
    links.put("self", self);
    links.put("cancel", self + "/cancel");
    return new ExecuteResponse(executionId, status, links);
  }
}
