package dev.ddbmodel.core.model;

/** Which attributes an index copies. */
public enum ProjectionType {
  ALL,
  KEYS_ONLY,
  INCLUDE
}
