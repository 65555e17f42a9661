package dev.ddbmodel.core;

/** Which attributes an index copies. */
public enum ProjectionType {
  ALL,
  KEYS_ONLY,
  INCLUDE
}
