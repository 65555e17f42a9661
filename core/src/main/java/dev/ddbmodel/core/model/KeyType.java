package dev.ddbmodel.core.model;

/** Role of an attribute in a key schema. */
public enum KeyType {
  HASH,
  RANGE
}
