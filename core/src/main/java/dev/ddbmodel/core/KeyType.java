package dev.ddbmodel.core;

/** Role of an attribute in a key schema. */
public enum KeyType {
  HASH,
  RANGE
}
