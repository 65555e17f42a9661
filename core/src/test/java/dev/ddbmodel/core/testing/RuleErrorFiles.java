package dev.ddbmodel.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Error files of rule classes, shared by the modules that organise their checks as rule classes.
 * Layout: {@code <files>/<RuleClass>/<case>.json} is an input document and {@code <case>.expected}
 * lists, written by hand, every finding the rules must report for it, one {@code SEVERITY id
 * location} line each ({@code #} starts a comment line); {@code valid.expected} of each class is
 * empty. The module's test decides how a document is checked and how a finding is printed; this
 * class finds the cases, reads the expectations, and checks that every diagnostic id a rule class
 * names in its source is covered by an error file in that class's folder.
 *
 * @param files the folder holding one sub-folder per rule class
 * @param sources the folder holding the rule classes' sources
 * @param id the pattern of a diagnostic id as a string literal in a source, group 1 being the id
 */
public record RuleErrorFiles(Path files, Path sources, Pattern id) {

  /** Every case, as {@code <RuleClass>/<case>} without {@code .json}, sorted; {@code skip} filters out fixtures. */
  public Stream<String> cases(Predicate<Path> skip) throws IOException {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(files)) {
      s.filter(p -> p.toString().endsWith(".json") && !skip.test(p)).forEach(p -> {
        String rel = files.relativize(p).toString().replace('\\', '/');
        out.add(rel.substring(0, rel.length() - ".json".length()));
      });
    }
    return out.stream().sorted();
  }

  /** The input document of a case. */
  public Path document(String name) {
    return files.resolve(name + ".json");
  }

  /** The expected lines of a case; fails when the case has no {@code .expected} file. */
  public List<String> expected(String name) throws IOException {
    Path file = files.resolve(name + ".expected");
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("error file " + name + ".json has no " + name + ".expected");
    }
    return lines(file);
  }

  /** The expectation lines of a file, blanks collapsed, comments and empty lines dropped. */
  public static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> String.join(" ", l.split("\\s+"))).toList();
  }

  /** The ids a source file names as string literals. */
  public Set<String> ids(Path source) throws IOException {
    Set<String> out = new TreeSet<>();
    Matcher m = id.matcher(Files.readString(source, StandardCharsets.UTF_8));
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** What the coverage check found: the rule classes that name ids, and what is missing. */
  public record Coverage(int classes, List<String> missing) {}

  /**
   * For every rule class that names ids: a {@code valid.json} with an empty {@code valid.expected},
   * and each id in at least one {@code .expected} of the class's folder.
   */
  public Coverage coverage() throws IOException {
    List<String> missing = new ArrayList<>();
    int classes = 0;
    try (Stream<Path> s = Files.list(sources)) {
      for (Path src : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        Set<String> ids = ids(src);
        if (ids.isEmpty()) {
          continue;
        }
        classes++;
        String cls = src.getFileName().toString().replace(".java", "");
        Path dir = files.resolve(cls);
        if (!Files.isRegularFile(dir.resolve("valid.json"))) {
          missing.add(cls + ": no valid.json");
        } else if (!Files.isRegularFile(dir.resolve("valid.expected")) || !lines(dir.resolve("valid.expected")).isEmpty()) {
          missing.add(cls + ": valid.expected must exist and be empty");
        }
        Set<String> covered = new TreeSet<>();
        if (Files.isDirectory(dir)) {
          try (Stream<Path> e = Files.list(dir)) {
            for (Path x : e.filter(p -> p.toString().endsWith(".expected")).toList()) {
              lines(x).forEach(l -> {
                String[] parts = l.split(" ");
                if (parts.length > 1) {
                  covered.add(parts[1]);
                }
              });
            }
          }
        }
        for (String i : ids) {
          if (!covered.contains(i)) {
            missing.add(cls + ": " + i);
          }
        }
      }
    }
    return new Coverage(classes, missing);
  }

  /** The entries directly under {@code files} that are not a folder named for a rule class source. */
  public List<String> foldersWithoutRuleClass() throws IOException {
    try (Stream<Path> s = Files.list(files)) {
      return s.filter(p -> !Files.isDirectory(p) || !Files.isRegularFile(sources.resolve(p.getFileName() + ".java")))
          .map(p -> p.getFileName().toString())
          .sorted().toList();
    }
  }
}
