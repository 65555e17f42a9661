package dev.ddbmodel.validation.internal.awscli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line the way a POSIX shell would for a plain command, and refuses everything
 * a shell would treat as more than one plain command: operators ({@code | & ; < >}), command
 * substitution ({@code `...`}, {@code $(...)}), variable expansion ({@code $X}), globbing-free
 * but also unescaped newlines. Nothing is ever executed; this only produces argument words.
 */
final class ShellTokenizer {
  /** A tokenizing failure with the character offset where it happened. */
  static final class TokenizeException extends Exception {
    private static final long serialVersionUID = 1L;
    final int offset;
    final String hint;

    TokenizeException(String message, int offset, String hint) {
      super(message);
      this.offset = offset;
      this.hint = hint;
    }
  }

  private ShellTokenizer() {}

  static List<String> tokenize(String line) throws TokenizeException {
    List<String> words = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inWord = false;
    int n = line.length();
    for (int i = 0; i < n; i++) {
      char c = line.charAt(i);
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw new TokenizeException("unterminated single quote", i,
              "close the quote; JSON values go inside one pair of single quotes");
        }
        cur.append(line, i + 1, end);
        inWord = true;
        i = end;
      } else if (c == '"') {
        int j = i + 1;
        boolean closed = false;
        while (j < n) {
          char d = line.charAt(j);
          if (d == '"') {
            closed = true;
            break;
          }
          if (d == '\\' && j + 1 < n && "\"\\$`\n".indexOf(line.charAt(j + 1)) >= 0) {
            if (line.charAt(j + 1) != '\n') {
              cur.append(line.charAt(j + 1));
            }
            j += 2;
            continue;
          }
          if (d == '$' || d == '`') {
            throw new TokenizeException("`" + d + "` inside double quotes would be expanded by a shell", j,
                "use single quotes around values that contain `$` or backticks");
          }
          cur.append(d);
          j++;
        }
        if (!closed) {
          throw new TokenizeException("unterminated double quote", i, "close the quote");
        }
        inWord = true;
        i = j;
      } else if (c == '\\') {
        if (i + 1 >= n) {
          throw new TokenizeException("dangling backslash at the end of the command", i, "remove it");
        }
        char d = line.charAt(i + 1);
        if (d == '\n') {
          i++; // line continuation
          continue;
        }
        cur.append(d);
        inWord = true;
        i++;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        if (inWord) {
          words.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
      } else if (c == '\n') {
        throw new TokenizeException("the command spans several lines", i,
            "write one command on one line (or end lines with `\\`)");
      } else if ("|&;<>".indexOf(c) >= 0) {
        throw new TokenizeException("shell operator `" + c + "` is not allowed", i,
            "an implementation is exactly one `aws dynamodb` command; quote the character if it is part of a value");
      } else if (c == '`') {
        throw new TokenizeException("command substitution with backticks is not allowed", i,
            "write the value literally, in single quotes");
      } else if (c == '$') {
        throw new TokenizeException(
            i + 1 < n && line.charAt(i + 1) == '(' ? "command substitution `$(...)` is not allowed"
                : "shell variable expansion `$` is not allowed", i,
            "write the value literally, in single quotes");
      } else {
        cur.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(cur.toString());
    }
    return words;
  }
}
