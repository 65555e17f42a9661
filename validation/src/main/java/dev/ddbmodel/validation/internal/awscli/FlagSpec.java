package dev.ddbmodel.validation.internal.awscli;

import java.util.List;

/** One flag of an {@code aws dynamodb} subcommand: its value kind and allowed values. */
record FlagSpec(String name, Kind kind, List<String> allowed, boolean required) {
  /** How the flag's value is written. */
  enum Kind {
    /** Plain text. */
    STRING,
    /** JSON (or shorthand) value. */
    JSON,
    /** Attribute-value map: JSON or shorthand {@code a={S=x},b={N=1}}. */
    ATTRIBUTE_MAP,
    /** Placeholder-to-name map: JSON or shorthand {@code #a=name,#b=other}. */
    NAME_MAP,
    /** {@code --x} / {@code --no-x}. */
    BOOLEAN,
    /** Positive integer. */
    INTEGER,
    /** One of {@link #allowed}. */
    ENUM
  }

  static FlagSpec of(String name, Kind kind) {
    return new FlagSpec(name, kind, List.of(), false);
  }

  static FlagSpec required(String name, Kind kind) {
    return new FlagSpec(name, kind, List.of(), true);
  }

  static FlagSpec oneOf(String name, String... values) {
    return new FlagSpec(name, Kind.ENUM, List.of(values), false);
  }
}
