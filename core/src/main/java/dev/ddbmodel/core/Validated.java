package dev.ddbmodel.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of reading or checking user input: either a value (possibly with warnings and
 * notes) or only diagnostics. User mistakes are reported this way, never thrown.
 *
 * @param <T> the value type
 */
public sealed interface Validated<T> permits Validated.Valid, Validated.Invalid {

  /** All diagnostics, sorted. */
  List<Diagnostic> diagnostics();

  /** A value with its non-error diagnostics. */
  record Valid<T>(T value, List<Diagnostic> diagnostics) implements Validated<T> {
    public Valid {
      java.util.Objects.requireNonNull(value, "value");
      diagnostics = sorted(diagnostics);
      if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
        throw new IllegalArgumentException("a Valid result cannot carry errors");
      }
    }
  }

  /** Diagnostics only; at least one is an error. */
  record Invalid<T>(List<Diagnostic> diagnostics) implements Validated<T> {
    public Invalid {
      diagnostics = sorted(diagnostics);
      if (diagnostics.stream().noneMatch(Diagnostic::isError)) {
        throw new IllegalArgumentException("an Invalid result needs at least one error");
      }
    }
  }

  static <T> Validated<T> valid(T value) {
    return new Valid<>(value, List.of());
  }

  static <T> Validated<T> valid(T value, Collection<Diagnostic> diagnostics) {
    return new Valid<>(value, List.copyOf(diagnostics));
  }

  static <T> Validated<T> invalid(Collection<Diagnostic> diagnostics) {
    return new Invalid<>(List.copyOf(diagnostics));
  }

  static <T> Validated<T> invalid(Diagnostic diagnostic) {
    return new Invalid<>(List.of(diagnostic));
  }

  /** Valid when {@code diagnostics} holds no error, otherwise invalid. */
  static <T> Validated<T> of(T value, Collection<Diagnostic> diagnostics) {
    return diagnostics.stream().anyMatch(Diagnostic::isError)
        ? invalid(diagnostics)
        : valid(value, diagnostics);
  }

  default boolean isValid() {
    return this instanceof Valid<?>;
  }

  default Optional<T> findValue() {
    return this instanceof Valid<T> v ? Optional.of(v.value()) : Optional.empty();
  }

  /** The errors only. */
  default List<Diagnostic> errors() {
    return diagnostics().stream().filter(Diagnostic::isError).toList();
  }

  /** Returns the value or throws {@link DiagnosticException} with every diagnostic. */
  default T unwrap() {
    if (this instanceof Valid<T> v) {
      return v.value();
    }
    throw new DiagnosticException(diagnostics());
  }

  /** Maps the value, keeping the diagnostics. */
  default <R> Validated<R> map(Function<? super T, ? extends R> f) {
    if (this instanceof Valid<T> v) {
      return new Valid<>(f.apply(v.value()), v.diagnostics());
    }
    return new Invalid<>(diagnostics());
  }

  /** Chains another check; diagnostics of both steps are kept. */
  default <R> Validated<R> flatMap(Function<? super T, Validated<R>> f) {
    if (this instanceof Valid<T> v) {
      Validated<R> next = f.apply(v.value());
      List<Diagnostic> all = new ArrayList<>(v.diagnostics());
      all.addAll(next.diagnostics());
      return next instanceof Valid<R> nv ? new Valid<>(nv.value(), all) : new Invalid<>(all);
    }
    return new Invalid<>(diagnostics());
  }

  private static List<Diagnostic> sorted(List<Diagnostic> in) {
    List<Diagnostic> copy = new ArrayList<>(in);
    copy.sort(null);
    return List.copyOf(copy);
  }
}
