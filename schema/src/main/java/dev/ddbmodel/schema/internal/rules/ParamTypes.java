package dev.ddbmodel.schema.internal.rules;

import java.util.Optional;

/**
 * Whether a value of one declared type can be compared with, or assigned to, a field of another:
 * the one static type rule of conditions, filters and update actions (single-item and transaction
 * alike). Types are schema.json names ({@code string}, {@code integer}, {@code decimal},
 * {@code boolean}, {@code uuid}, {@code array}, {@code object}); an unknown type is not checked.
 */
public final class ParamTypes {
  private ParamTypes() {}

  /** How a value meets the field. */
  public enum Use {
    /** {@code = <> < <= > >= between in}. */
    COMPARE,
    /** {@code contains(field, value)}. */
    CONTAINS,
    /** {@code begins_with(field, value)}. */
    BEGINS_WITH,
    /** {@code size(field) <op> value}. */
    SIZE,
    /** {@code SET field = value}. */
    ASSIGN,
    /** {@code SET field = field +/- value}, {@code ADD field value}. */
    ARITHMETIC
  }

  private static String norm(String t) {
    return t.equals("uuid") ? "string" : t;
  }

  private static boolean number(String t) {
    return t.equals("integer") || t.equals("decimal");
  }

  private static boolean known(String t) {
    return switch (t) {
      case "string", "uuid", "integer", "decimal", "boolean", "array", "object" -> true;
      default -> false;
    };
  }

  /**
   * Why a value of {@code paramType} does not fit {@code fieldType} in this use, or empty when it
   * does (or a type is unknown).
   *
   * @param itemType the element type of an array field, if declared
   */
  public static Optional<String> mismatch(String fieldType, Optional<String> itemType, String paramType, Use use) {
    if (!known(fieldType) || !known(paramType)) {
      return Optional.empty();
    }
    String f = norm(fieldType);
    String p = norm(paramType);
    switch (use) {
      case SIZE -> {
        return number(p) ? Optional.empty() : Optional.of("`size` counts, so it is compared with a number, not a `" + paramType + "`");
      }
      case CONTAINS -> {
        if (f.equals("string")) {
          return p.equals("string") ? Optional.empty() : Optional.of("`contains` on `" + fieldType + "` field looks for a string, not a `" + paramType + "`");
        }
        if (f.equals("array") && itemType.isPresent() && known(itemType.get())) {
          String it = norm(itemType.get());
          return it.equals(p) || number(it) && number(p) ? Optional.empty()
              : Optional.of("`contains` on a list of `" + itemType.get() + "` looks for a `" + itemType.get() + "`, not a `" + paramType + "`");
        }
        return Optional.empty();
      }
      case BEGINS_WITH -> {
        return f.equals("string") && p.equals("string") ? Optional.empty()
            : Optional.of("`begins_with` needs a string field and a string value, here `" + fieldType + "` and `" + paramType + "`");
      }
      case ARITHMETIC -> {
        if (!number(p)) {
          return Optional.of("arithmetic on number field needs a number, not a `" + paramType + "`");
        }
        return f.equals("integer") && p.equals("decimal") ? Optional.of("a `decimal` added to an `integer` field would not leave an integer") : Optional.empty();
      }
      case ASSIGN -> {
        if (f.equals(p)) {
          return Optional.empty();
        }
        if (f.equals("decimal") && p.equals("integer")) {
          return Optional.empty();
        }
        return Optional.of("a `" + paramType + "` cannot be stored in a `" + fieldType + "` field");
      }
      case COMPARE -> {
        if (f.equals(p) || number(f) && number(p)) {
          return Optional.empty();
        }
        return Optional.of("a `" + fieldType + "` field compared with a `" + paramType + "` never matches (DynamoDB compares values of one type)");
      }
      default -> throw new IllegalStateException(use.name());
    }
  }

  /** The use of a condition term. */
  public static Use of(String function, String operator) {
    return switch (function) {
      case "contains" -> Use.CONTAINS;
      case "begins_with" -> Use.BEGINS_WITH;
      case "size" -> Use.SIZE;
      default -> Use.COMPARE;
    };
  }
}
