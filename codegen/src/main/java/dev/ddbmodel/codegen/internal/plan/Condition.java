package dev.ddbmodel.codegen.internal.plan;

import dev.ddbmodel.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A condition in the one grammar of filters, write conditions and transaction condition checks,
 * as renderers need it: terms over entity fields (attribute names) whose values come from declared
 * parameters, joined by AND or OR. Renderers spell it with their runtime's {@code condition}
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
   * @param params the parameters holding the values, in order (param, param2, params)
   */
  public record Term(String field, Optional<String> operator, Optional<String> function, List<String> params) {
    public Term {
      params = List.copyOf(params);
    }
  }

  /** The plan node of a schema expression. */
  public static Condition of(Schema.FilterExpression f) {
    List<Term> ts = new ArrayList<>();
    for (Schema.FilterCondition c : f.conditions()) {
      List<String> vs = new ArrayList<>();
      c.param().ifPresent(vs::add);
      c.param2().ifPresent(vs::add);
      vs.addAll(c.params());
      ts.add(new Term(c.field(), c.operator(), c.function(), vs));
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
