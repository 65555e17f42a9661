package dev.ddbmodel.core;

/** Key attribute types DynamoDB allows: string, number, binary. */
public enum ScalarType {
  S,
  N,
  B
}
