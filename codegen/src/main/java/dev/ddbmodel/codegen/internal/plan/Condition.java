package dev.ddbmodel.codegen.internal.plan;

import dev.ddbmodel.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A condition in the one grammar of filters, write conditions and transaction condition checks,
 * as renderers need it: terms over entity fields (attribute names) whose values come from declared
 * parameters, constants or other attributes of the item, joined by AND or OR. Renderers spell it with their runtime's {@code condition}
 * helper: one term is one parenthesised part, so an OR condition never loosens an AND the DAL adds.
 *
 * @param terms the terms, in schema order
 * @param joiner {@code AND} or {@code OR}
 */
public record Condition(List<Term> terms, String joiner) {
  public Condition {
    terms = List.copyOf(terms);
  }

  /**
   * One term.
   *
   * @param field the attribute tested
   * @param operator comparison ({@code = <> < <= > >= between in}), if any
   * @param function {@code contains begins_with attribute_exists attribute_not_exists size}, if any
   * @param operands where the values come from, in order (param, param2, params): parameters,
   *     constants or other attributes of the item
   */
  public record Term(String field, Optional<String> operator, Optional<String> function, List<Schema.Operand> operands) {
    public Term {
      operands = List.copyOf(operands);
    }

    /** The parameters holding the values, in order (constants and attributes left out). */
    public List<String> params() {
      return operands.stream().flatMap(o -> o.paramName().stream()).toList();
    }

    /**
     * True when every value comes from a parameter: renderers spell the term with their runtime's
     * {@code condition} helper. Otherwise they spell {@link #pieces()}.
     */
    public boolean plain() {
      return operands.stream().allMatch(o -> o instanceof Schema.Operand.Param);
    }

    /**
     * The term's expression text as pieces, the same text the runtime's {@code condition} helper
     * builds: literal text, attribute names (the tested field, and attribute operands) and values
     * (parameters and constants, each bound as an expression attribute value).
     */
    public List<Piece> pieces() {
      List<Piece> out = new ArrayList<>();
      String fn = function.orElse("");
      switch (fn) {
        case "attribute_exists", "attribute_not_exists" -> {
          out.add(new Piece.Text(fn + "("));
          out.add(new Piece.Name(field));
          out.add(new Piece.Text(")"));
          return out;
        }
        case "contains", "begins_with" -> {
          out.add(new Piece.Text(fn + "("));
          out.add(new Piece.Name(field));
          out.add(new Piece.Text(", "));
          out.add(Piece.of(operands.get(0)));
          out.add(new Piece.Text(")"));
          return out;
        }
        default -> {
          // a comparison, of the attribute or of its size
        }
      }
      if (fn.equals("size")) {
        out.add(new Piece.Text("size("));
        out.add(new Piece.Name(field));
        out.add(new Piece.Text(")"));
      } else {
        out.add(new Piece.Name(field));
      }
      String op = operator.orElse("=");
      switch (op) {
        case "between" -> {
          out.add(new Piece.Text(" BETWEEN "));
          out.add(Piece.of(operands.get(0)));
          out.add(new Piece.Text(" AND "));
          out.add(Piece.of(operands.get(1)));
        }
        case "in" -> {
          out.add(new Piece.Text(" IN ("));
          for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
              out.add(new Piece.Text(", "));
            }
            out.add(Piece.of(operands.get(i)));
          }
          out.add(new Piece.Text(")"));
        }
        default -> {
          out.add(new Piece.Text(" " + op + " "));
          out.add(Piece.of(operands.get(0)));
        }
      }
      return out;
    }
  }

  /** A piece of expression text. */
  public sealed interface Piece {
    /** Text as it is (operators, function names, punctuation: never user data). */
    record Text(String text) implements Piece {}

    /** An attribute name: a placeholder of the expression's names. */
    record Name(String attribute) implements Piece {}

    /** A value, of a parameter or a constant: a placeholder of the expression's values. */
    record Value(Schema.Operand operand) implements Piece {}

    /** The piece of an operand: another attribute is a name, a parameter or a constant a value. */
    static Piece of(Schema.Operand o) {
      return o instanceof Schema.Operand.Attribute a ? new Name(a.field()) : new Value(o);
    }
  }

  /** The plan node of a schema expression. */
  public static Condition of(Schema.FilterExpression f) {
    List<Term> ts = new ArrayList<>();
    for (Schema.FilterCondition c : f.conditions()) {
      ts.add(new Term(c.field(), c.operator(), c.function(), c.operands()));
    }
    return new Condition(ts, f.logicalOperator().equals("OR") ? "OR" : "AND");
  }

  /** Every parameter a value comes from, in order, each once. */
  public List<String> params() {
    List<String> out = new ArrayList<>();
    terms.forEach(t -> t.params().stream().filter(p -> !out.contains(p)).forEach(out::add));
    return out;
  }
}
