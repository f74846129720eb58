package io.ordo.engine.model.validation;

/** Where a step object sits, which decides the fields and types it may have. */
enum Placement {
  /** In the workflow's {@code steps}: the only place with {@code dependsOn}. */
  TOP_LEVEL,
  /** In a PARALLEL branch: runs in sequence, no {@code dependsOn}, no CONDITIONAL. */
  PARALLEL_BRANCH,
  /** The {@code step} of a FOR_EACH: no {@code id}, no {@code dependsOn}, no control type. */
  FOR_EACH_TEMPLATE
}
