package io.ordo.http.dto;

import io.ordo.engine.runtime.definitions.VersionInfo;
import java.util.List;

public record VersionsView(String workflowId, List<VersionInfo> versions) {}
