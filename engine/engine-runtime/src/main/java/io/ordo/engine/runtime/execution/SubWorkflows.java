package io.ordo.engine.runtime.execution;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Child execution ids. One per attempt of a SUB_WORKFLOW step (and per execution retry), derived
 * from the parent: an attempt dispatched again after a crash reaches the same child, while a new
 * attempt starts a fresh one.
 */
public final class SubWorkflows {

  private SubWorkflows() {}

  public static String childId(String parentId, String stepId, Integer item, int attempt,
      int parentRetries) {
    String name = "sub\u0000" + parentId + "\u0000" + stepId + "\u0000" + item + "\u0000" + attempt
        + "\u0000" + parentRetries;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
