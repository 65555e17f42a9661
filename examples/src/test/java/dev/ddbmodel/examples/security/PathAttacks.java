package dev.ddbmodel.examples.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The path attacks every file-taking entry point must refuse, set up against one workspace:
 * a directory {@code ws} with a sibling {@code outside} holding a secret, plus symbolic links
 * inside {@code ws} that point out.
 */
final class PathAttacks {
  record Attack(String name, String path) {
    @Override
    public String toString() {
      return name;
    }
  }

  private PathAttacks() {}

  /** Creates the fixture under {@code root} and returns the attacks (paths as a user would type). */
  static List<Attack> prepare(Path root) throws Exception {
    Path ws = Files.createDirectories(root.resolve("ws"));
    Path outside = Files.createDirectories(root.resolve("outside"));
    Files.writeString(outside.resolve("secret.json"), "{\"tables\": []}");
    Files.createSymbolicLink(ws.resolve("link-dir"), outside);
    Files.createSymbolicLink(ws.resolve("link-file.json"), outside.resolve("secret.json"));
    Files.createSymbolicLink(ws.resolve("dangling.json"), root.resolve("nowhere/none.json"));
    List<Attack> a = new ArrayList<>();
    a.add(new Attack("dot-dot", "../outside/secret.json"));
    a.add(new Attack("nested dot-dot", "sub/../../outside/secret.json"));
    a.add(new Attack("absolute outside", outside.resolve("secret.json").toString()));
    a.add(new Attack("absolute system file", "/etc/passwd"));
    a.add(new Attack("symlinked directory", "link-dir/secret.json"));
    a.add(new Attack("symlinked file", "link-file.json"));
    a.add(new Attack("dangling symlink", "dangling.json"));
    a.add(new Attack("NUL byte", "model.json\0.txt"));
    a.add(new Attack("windows separators", "..\\outside\\secret.json"));
    a.add(new Attack("very long name", "a".repeat(5000) + ".json"));
    a.add(new Attack("long segment", "b".repeat(300) + ".json"));
    return a;
  }
}
