package io.ordo.engine.model;

/** When a PARALLEL step is done. */
public enum ParallelMode {
  /** When every branch is done. */
  ALL,
  /** When the first branch completes; the other branches are cancelled. */
  ANY
}
