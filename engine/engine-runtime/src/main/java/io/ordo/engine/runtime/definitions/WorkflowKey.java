package io.ordo.engine.runtime.definitions;

import io.ordo.engine.runtime.OrdoSerializable;

/** One immutable version of one workflow in one workspace. */
public record WorkflowKey(String workspaceId, String workflowId, int version)
    implements OrdoSerializable {

  @Override
  public String toString() {
    return workspaceId + "/" + workflowId + "@" + version;
  }
}
