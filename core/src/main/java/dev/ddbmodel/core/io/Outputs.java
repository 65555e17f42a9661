package dev.ddbmodel.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The one way ddbmodel writes files, so nothing a user owns is ever lost.
 *
 * <p><b>Folders</b> ({@link #writeFolder}) carry a manifest, {@value #MANIFEST}, listing every
 * file the tool wrote with the SHA-256 of its content. Writing into a folder again replaces only
 * files listed there whose content is still what the tool wrote, and removes listed files that are
 * no longer generated when they are unchanged. A listed file the user changed is a conflict (the
 * run refuses and names it) unless {@code overwrite} is set; a file the user added where the tool
 * would write is a conflict even with {@code overwrite}; other user files are never touched. A
 * non-empty folder without a manifest, an existing file, the working folder (or a folder holding
 * it), the home folder, {@code /} and a repository root (holds {@code .git}) are refused.
 *
 * <p><b>Single files</b> ({@link #writeFile}) are written only when absent, when they carry the
 * tool's marker (the caller says how to recognise it), or when the caller passes {@code
 * overwrite} (the user named that very file and asked for it).
 *
 * <p>Every write goes to a temporary sibling and is renamed into place, so an interrupted run
 * leaves each file with its old or its new content; a new folder appears whole or not at all; a
 * failed run removes only the files and folders it created. Refusals are {@code USAGE}
 * diagnostics, write failures {@code ENVIRONMENT} ones: nothing here throws for a user's mistake.
 */
public final class Outputs {
  /** Name of the manifest inside a generated folder. */
  public static final String MANIFEST = ".ddbm-manifest.json";

  private static final String TMP_SUFFIX = ".ddbm-tmp";

  /** Moves a finished temporary file or folder into place; replaced in tests to inject faults. */
  @FunctionalInterface
  public interface Mover {
    void move(Path from, Path to) throws IOException;
  }

  /** What an existing target folder may be. */
  public enum Existing {
    /** A folder written before by the tool may be regenerated (the manifest rules apply). */
    REGENERATE,
    /** Any existing non-empty folder is refused unless {@code overwrite} (then the manifest rules apply). */
    REFUSE
  }

  /**
   * What a folder write did.
   *
   * @param folder the folder
   * @param written the files written (relative, sorted)
   * @param removed files of an earlier run no longer generated, removed because unchanged
   * @param kept files in the folder the tool did not write (or no longer owns), left as they are
   */
  public record FolderResult(Path folder, List<String> written, List<String> removed, List<String> kept) {
    public FolderResult {
      written = List.copyOf(written);
      removed = List.copyOf(removed);
      kept = List.copyOf(kept);
    }
  }

  private final Mover mover;
  private final Path workingDir;
  private final Path home;

  /** With an explicit rename step, working folder and home folder (tests). */
  public Outputs(Mover mover, Path workingDir, Path home) {
    this.mover = Objects.requireNonNull(mover, "mover");
    this.workingDir = real(workingDir);
    this.home = real(home);
  }

  /** The mechanism for this process: atomic renames, the JVM's working and home folders. */
  public static Outputs standard() {
    return new Outputs(Outputs::atomicMove, Path.of(System.getProperty("user.dir", ".")), Path.of(System.getProperty("user.home", "/")));
  }

  // ---------------------------------------------------------------- folders

  /**
   * Writes {@code files} (relative path with {@code /} to content) into {@code folder} under the
   * manifest rules; {@code what} names the output in messages (e.g. "the data access layer").
   */
  public Validated<FolderResult> writeFolder(Path folder, Map<String, byte[]> files, boolean overwrite, Existing existing, String what) {
    Path abs = folder.toAbsolutePath().normalize();
    Validated<Path> checked = checkFolder(abs, what);
    if (!checked.isValid()) {
      return Validated.invalid(checked.errors());
    }
    abs = checked.unwrap();
    for (String name : files.keySet()) {
      if (!safeRelative(name)) {
        return Validated.invalid(Diagnostic.error("Output.BadName", "generated file name `" + name + "` is not a plain relative path",
            SourceLocation.NONE, "this is a bug in the generator; report it"));
      }
    }
    Map<String, byte[]> sorted = new TreeMap<>(files);
    try {
      if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
        return writeNewFolder(abs, sorted);
      }
      return writeExistingFolder(abs, sorted, overwrite, existing, what);
    } catch (IOException e) {
      return Validated.invalid(writeFailed(abs, e));
    }
  }

  /** {@link #writeFolder} with {@link Existing#REGENERATE}. */
  public Validated<FolderResult> writeFolder(Path folder, Map<String, byte[]> files, boolean overwrite, String what) {
    return writeFolder(folder, files, overwrite, Existing.REGENERATE, what);
  }

  /** Text files (UTF-8) variant of {@link #writeFolder}. */
  public Validated<FolderResult> writeTextFolder(Path folder, Map<String, String> files, boolean overwrite, Existing existing, String what) {
    Map<String, byte[]> bytes = new TreeMap<>();
    files.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
    return writeFolder(folder, bytes, overwrite, existing, what);
  }

  /**
   * Creates a new empty folder {@code parent/name}, or {@code name_2}, {@code name_3}, ... when
   * that exists (two runs in the same second both succeed); the creation itself is the atomic
   * reservation.
   */
  public Validated<Path> freshFolder(Path parent, String name) {
    Path p = parent.toAbsolutePath().normalize();
    Validated<Path> checked = checkFolder(p.resolve(name), "the output folder");
    if (!checked.isValid()) {
      return Validated.invalid(checked.errors());
    }
    try {
      Files.createDirectories(p);
      for (int i = 1; i < 10_000; i++) {
        Path candidate = p.resolve(i == 1 ? name : name + "_" + i);
        try {
          return Validated.valid(Files.createDirectory(candidate));
        } catch (FileAlreadyExistsException e) {
          // next suffix
        }
      }
      throw new IOException("no free name for " + name + " in " + p);
    } catch (IOException e) {
      return Validated.invalid(writeFailed(p.resolve(name), e));
    }
  }

  /**
   * Whether {@code folder} may receive generated files at all: not a file, not {@code /}, the
   * home folder, the working folder or a folder holding it, not a repository root. Returns the
   * folder (through symbolic links when it exists).
   */
  public Validated<Path> checkFolder(Path folder, String what) {
    Path abs = folder.toAbsolutePath().normalize();
    if (Files.exists(abs) && !Files.isDirectory(abs)) {
      return Validated.invalid(Diagnostic.usage("Output.NotFolder", "`" + abs + "` is a file; " + what + " needs a folder",
          SourceLocation.NONE, "pass a folder (a new one, or one ddbm generated before) with --out"));
    }
    Path real = real(abs);
    String why = null;
    if (real.getParent() == null) {
      why = "the root folder";
    } else if (real.equals(home)) {
      why = "your home folder";
    } else if (real.equals(workingDir)) {
      why = "the working folder";
    } else if (workingDir.startsWith(real)) {
      why = "a folder that holds the working folder";
    } else if (home.startsWith(real)) {
      why = "a folder that holds your home folder";
    } else if (Files.exists(real.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
      why = "the root of a repository (it holds .git)";
    }
    if (why != null) {
      return Validated.invalid(Diagnostic.usage("Output.Forbidden", "`" + abs + "` is " + why + "; ddbm never writes " + what + " there",
          SourceLocation.NONE, "pass a dedicated new folder, e.g. --out " + abs.resolve("generated")));
    }
    return Validated.valid(real);
  }

  private Validated<FolderResult> writeNewFolder(Path abs, Map<String, byte[]> files) throws IOException {
    Path parent = abs.getParent();
    Path createdTop = firstMissing(parent);
    Files.createDirectories(parent);
    Path tmp = parent.resolve("." + abs.getFileName() + "." + Long.toHexString(System.nanoTime()) + TMP_SUFFIX);
    Files.createDirectory(tmp);
    List<Path> made = new ArrayList<>();
    try {
      Map<String, String> manifest = new TreeMap<>();
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        Path f = tmp.resolve(e.getKey());
        if (!f.getParent().equals(tmp)) {
          Files.createDirectories(f.getParent());
        }
        Files.write(f, e.getValue());
        made.add(f);
        manifest.put(e.getKey(), sha256(e.getValue()));
      }
      Path m = tmp.resolve(MANIFEST);
      Files.write(m, manifestJson(manifest, Map.of()));
      made.add(m);
      mover.move(tmp, abs);
      return Validated.valid(new FolderResult(abs, List.copyOf(files.keySet()), List.of(), List.of()));
    } catch (IOException e) {
      for (int i = made.size() - 1; i >= 0; i--) {
        Files.deleteIfExists(made.get(i));
      }
      removeEmptyDirs(tmp, tmp);
      Files.deleteIfExists(tmp);
      if (createdTop != null) {
        removeEmptyDirs(createdTop, createdTop);
        deleteIfEmpty(createdTop);
      }
      return Validated.invalid(writeFailed(abs, e));
    }
  }

  private Validated<FolderResult> writeExistingFolder(Path abs, Map<String, byte[]> files, boolean overwrite, Existing existing, String what)
      throws IOException {
    Set<String> present = listFiles(abs);
    Path manifestFile = abs.resolve(MANIFEST);
    boolean hasManifest = present.remove(MANIFEST);
    Map<String, Set<String>> owned = new TreeMap<>();
    if (hasManifest) {
      Validated<Map<String, Set<String>>> m = readManifest(manifestFile);
      if (!m.isValid()) {
        return Validated.invalid(m.errors());
      }
      owned.putAll(m.unwrap());
    } else if (!present.isEmpty()) {
      return Validated.invalid(Diagnostic.usage("Output.NotOurs", "`" + abs + "` is not empty and was not written by ddbm (no " + MANIFEST
              + "; it holds " + sample(present) + ")", SourceLocation.NONE,
          "pass a new or empty folder for " + what + " with --out; ddbm never writes into a folder of yours"));
    }
    if (existing == Existing.REFUSE && !overwrite && (hasManifest || !present.isEmpty())) {
      return Validated.invalid(Diagnostic.usage("Output.Exists", "`" + abs + "` already exists", SourceLocation.NONE,
          "pass overwrite to regenerate " + what + " there (files you changed or added are kept unless listed as generated), or choose another folder"));
    }
    // classify every path that is on disk or listed
    List<Diagnostic> conflicts = new ArrayList<>();
    Map<String, String> onDisk = new TreeMap<>();
    for (String p : present) {
      onDisk.put(p, sha256(Files.readAllBytes(abs.resolve(p))));
    }
    List<String> toWrite = new ArrayList<>();
    List<String> toRemove = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    Map<String, String> finalManifest = new TreeMap<>();
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      String name = e.getKey();
      String newHash = sha256(e.getValue());
      Path target = abs.resolve(name);
      String disk = onDisk.get(name);
      if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) || blockedByFile(abs, name, onDisk.keySet())) {
        conflicts.add(conflict(abs, name, "is in the way of a generated file", "move it away; --overwrite never replaces what ddbm did not write"));
        continue;
      }
      finalManifest.put(name, newHash);
      if (disk == null || disk.equals(newHash)) {
        if (disk == null) {
          toWrite.add(name);
        }
        continue;
      }
      if (!owned.containsKey(name)) {
        conflicts.add(conflict(abs, name, "was not written by ddbm but has the name of a generated file",
            "rename or move it (then regenerate); --overwrite never replaces files ddbm did not write"));
      } else if (!owned.get(name).contains(disk) && !overwrite) {
        conflicts.add(conflict(abs, name, "was changed after ddbm generated it",
            "keep your change elsewhere and pass --overwrite (MCP: overwrite: true) to regenerate it, or choose another folder"));
      } else {
        toWrite.add(name);
      }
    }
    for (String name : owned.keySet()) {
      if (files.containsKey(name) || !onDisk.containsKey(name)) {
        continue;
      }
      if (owned.get(name).contains(onDisk.get(name))) {
        toRemove.add(name);
      } else {
        kept.add(name); // changed by the user and no longer generated: theirs now
      }
    }
    for (String p : present) {
      if (!files.containsKey(p) && !owned.containsKey(p)) {
        kept.add(p);
      }
    }
    if (!conflicts.isEmpty()) {
      return Validated.invalid(conflicts);
    }
    // pending manifest: every file may hold its old or its new content until the run is complete
    Map<String, String> pending = new TreeMap<>(finalManifest);
    Map<String, String> current = new TreeMap<>();
    owned.forEach((k, v) -> {
      if (onDisk.containsKey(k) && v.contains(onDisk.get(k))) {
        current.put(k, onDisk.get(k));
      }
    });
    List<Path> created = new ArrayList<>();
    List<Path> createdDirs = new ArrayList<>();
    try {
      writeAtomically(manifestFile, manifestJson(current, pending));
      for (String name : toWrite) {
        Path target = abs.resolve(name);
        Path missing = firstMissing(target.getParent());
        if (missing != null) {
          createdDirs.add(missing);
        }
        boolean isNew = !Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        writeAtomically(target, files.get(name));
        if (isNew) {
          created.add(target);
        }
        current.put(name, finalManifest.get(name));
      }
      for (String name : toRemove) {
        Path f = abs.resolve(name);
        Files.deleteIfExists(f);
        current.remove(name);
        removeEmptyDirs(f.getParent(), abs);
      }
      writeAtomically(manifestFile, manifestJson(finalManifest, Map.of()));
    } catch (IOException e) {
      // remove only what this run created; what it replaced holds the new, complete content
      for (Path f : created) {
        Files.deleteIfExists(f);
        current.remove(abs.relativize(f).toString().replace('\\', '/'));
      }
      for (Path d : createdDirs) {
        removeEmptyDirs(d, d);
        deleteIfEmpty(d);
      }
      try {
        writeAtomically(manifestFile, manifestJson(current, Map.of()));
      } catch (IOException ignored) {
        // the pending manifest stays, which still describes every file correctly
      }
      return Validated.invalid(writeFailed(abs, e));
    }
    return Validated.valid(new FolderResult(abs, List.copyOf(files.keySet()), toRemove, new TreeSet<>(kept).stream().toList()));
  }

  // ---------------------------------------------------------------- single files

  /**
   * Writes one file atomically. An existing file is replaced only when {@code ours} recognises
   * its content (the tool's marker) or {@code overwrite} is set; otherwise the run refuses with
   * {@code Output.Exists} naming the file and the fix.
   */
  public Validated<Path> writeFile(Path target, byte[] content, boolean overwrite, Predicate<byte[]> ours, String hint) {
    Path abs = target.toAbsolutePath().normalize();
    if (Files.isDirectory(abs)) {
      return Validated.invalid(Diagnostic.usage("Output.Exists", "`" + abs + "` is a folder; a file is written here", SourceLocation.NONE,
          "name a file, not a folder"));
    }
    try {
      if (Files.exists(abs) && !overwrite && !ours.test(Files.readAllBytes(abs))) {
        return Validated.invalid(Diagnostic.usage("Output.Exists", "`" + abs + "` already exists and was not written by ddbm",
            SourceLocation.NONE, hint));
      }
      Path missing = firstMissing(abs.getParent());
      try {
        writeAtomically(abs, content);
      } catch (IOException e) {
        if (missing != null) {
          removeEmptyDirs(missing, missing);
          deleteIfEmpty(missing);
        }
        throw e;
      }
      return Validated.valid(abs);
    } catch (IOException e) {
      return Validated.invalid(writeFailed(abs, e));
    }
  }

  /** UTF-8 text variant of {@link #writeFile}. */
  public Validated<Path> writeTextFile(Path target, String content, boolean overwrite, Predicate<String> ours, String hint) {
    return writeFile(target, content.getBytes(StandardCharsets.UTF_8), overwrite, b -> ours.test(new String(b, StandardCharsets.UTF_8)), hint);
  }

  /** Several single files: all are checked first (nothing is written when one is refused), then written in order. */
  public Validated<List<Path>> writeTextFiles(Map<Path, String> files, boolean overwrite, Predicate<String> ours, String hint) {
    List<Diagnostic> refused = new ArrayList<>();
    for (Path p : files.keySet()) {
      Path abs = p.toAbsolutePath().normalize();
      try {
        if (Files.isDirectory(abs) || (Files.exists(abs) && !overwrite && !ours.test(Files.readString(abs, StandardCharsets.UTF_8)))) {
          refused.add(Diagnostic.usage("Output.Exists", "`" + abs + "` already exists and was not written by ddbm", SourceLocation.NONE, hint));
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        refused.add(Diagnostic.usage("Output.Exists", "`" + abs + "` already exists and cannot be read", SourceLocation.NONE, hint));
      }
    }
    if (!refused.isEmpty()) {
      return Validated.invalid(refused);
    }
    List<Path> out = new ArrayList<>();
    for (Map.Entry<Path, String> e : files.entrySet()) {
      Validated<Path> w = writeTextFile(e.getKey(), e.getValue(), true, s -> true, hint);
      if (!w.isValid()) {
        return Validated.invalid(w.errors());
      }
      out.add(w.unwrap());
    }
    return Validated.valid(out);
  }

  /** Name of the record, beside single files ddbm wrote, of their SHA-256 (see {@link #writeOwnedTextFiles}). */
  public static final String FILES_RECORD = ".ddbm-files.json";

  /**
   * Single files ddbm regenerates (reports, the view, the analyzer's query file): each is written
   * when absent; an existing one is replaced when {@value #FILES_RECORD} beside it records that
   * ddbm wrote exactly this content, or (for files written before the record existed) when
   * {@code marker} recognises it. A recorded file the user changed is an {@code Output.Conflict};
   * any other file an {@code Output.Exists}; {@code overwrite} replaces both. All files are
   * checked before any is written; the record is updated after each run.
   */
  public Validated<List<Path>> writeOwnedTextFiles(Map<Path, String> files, boolean overwrite, Predicate<String> marker, String hint) {
    List<Diagnostic> refused = new ArrayList<>();
    Map<Path, Map<String, String>> records = new LinkedHashMap<>();
    for (Path p : files.keySet()) {
      Path abs = p.toAbsolutePath().normalize();
      if (Files.isDirectory(abs)) {
        refused.add(Diagnostic.usage("Output.Exists", "`" + abs + "` is a folder; a file is written here", SourceLocation.NONE, "name a file, not a folder"));
        continue;
      }
      Map<String, String> record = records.computeIfAbsent(abs.getParent(), Outputs::readRecord);
      if (!Files.exists(abs) || overwrite) {
        continue;
      }
      try {
        byte[] bytes = Files.readAllBytes(abs);
        String recorded = record.get(abs.getFileName().toString());
        if (recorded != null && !recorded.equals(sha256(bytes))) {
          refused.add(Diagnostic.usage("Output.Conflict", "`" + abs + "` was changed after ddbm wrote it", SourceLocation.of(abs.toString(), ""),
              "keep your version under another name (or pass --overwrite where the command offers it); " + hint));
        } else if (recorded == null && !marker.test(new String(bytes, StandardCharsets.UTF_8))) {
          refused.add(Diagnostic.usage("Output.Exists", "`" + abs + "` already exists and was not written by ddbm", SourceLocation.NONE, hint));
        }
      } catch (IOException e) {
        refused.add(Diagnostic.usage("Output.Exists", "`" + abs + "` already exists and cannot be read", SourceLocation.NONE, hint));
      }
    }
    if (!refused.isEmpty()) {
      return Validated.invalid(refused);
    }
    List<Path> out = new ArrayList<>();
    for (Map.Entry<Path, String> e : files.entrySet()) {
      Path abs = e.getKey().toAbsolutePath().normalize();
      byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
      Validated<Path> w = writeFile(abs, bytes, true, b -> true, hint);
      if (!w.isValid()) {
        return Validated.invalid(w.errors());
      }
      records.get(abs.getParent()).put(abs.getFileName().toString(), sha256(bytes));
      out.add(w.unwrap());
    }
    for (Map.Entry<Path, Map<String, String>> r : records.entrySet()) {
      ObjectNode root = Json.object();
      root.put("generator", "ddbm");
      root.put("note", "single files ddbm wrote in this folder and the SHA-256 of what it wrote; a file you change is never replaced");
      ObjectNode f = root.putObject("files");
      new TreeMap<>(r.getValue()).forEach(f::put);
      try {
        writeAtomically(r.getKey().resolve(FILES_RECORD), (Json.pretty(root) + "\n").getBytes(StandardCharsets.UTF_8));
      } catch (IOException ex) {
        return Validated.invalid(writeFailed(r.getKey().resolve(FILES_RECORD), ex));
      }
    }
    return Validated.valid(out);
  }

  /** The record of single files in {@code dir} (empty when absent or unreadable: then markers decide). */
  private static Map<String, String> readRecord(Path dir) {
    Map<String, String> out = new TreeMap<>();
    Path f = dir.resolve(FILES_RECORD);
    if (!Files.isRegularFile(f)) {
      return out;
    }
    try {
      JsonNode root = Json.parseTrusted(Files.readString(f, StandardCharsets.UTF_8));
      var it = root.path("files").properties().iterator();
      while (it.hasNext()) {
        var e = it.next();
        if (e.getValue().isTextual()) {
          out.put(e.getKey(), e.getValue().asText());
        }
      }
    } catch (IOException | RuntimeException e) {
      out.clear();
    }
    return out;
  }

  /** A predicate for text files that start with {@code marker} (after an optional BOM). */
  public static Predicate<String> startsWith(String marker) {
    return s -> s.replaceFirst("^\uFEFF", "").startsWith(marker);
  }

  // ---------------------------------------------------------------- helpers

  /** Hex SHA-256 of {@code bytes}. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void writeAtomically(Path target, byte[] content) throws IOException {
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(System.nanoTime()) + TMP_SUFFIX);
    try {
      Files.write(tmp, content, java.nio.file.StandardOpenOption.CREATE_NEW);
      mover.move(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The default rename: atomic where the file system allows it. */
  public static void atomicMove(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Diagnostic writeFailed(Path p, IOException e) {
    return Diagnostic.environment("Output.WriteFailed", "cannot write `" + p + "`: " + IoMessages.describe(e),
        SourceLocation.NONE, "check that the folder is writable and the disk has free space; files written before this run are unchanged");
  }

  private static Diagnostic conflict(Path folder, String name, String why, String hint) {
    return Diagnostic.usage("Output.Conflict", "`" + folder.resolve(name) + "` " + why, SourceLocation.of(folder.resolve(name).toString(), ""), hint);
  }

  private static boolean safeRelative(String name) {
    if (name.isEmpty() || name.startsWith("/") || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0 || name.equals(MANIFEST)) {
      return false;
    }
    for (String seg : name.split("/", -1)) {
      if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /** True when a parent of {@code name} exists as a file. */
  private static boolean blockedByFile(Path folder, String name, Set<String> files) {
    int i = name.indexOf('/');
    while (i > 0) {
      if (files.contains(name.substring(0, i)) || Files.isRegularFile(folder.resolve(name.substring(0, i)))) {
        return true;
      }
      i = name.indexOf('/', i + 1);
    }
    return false;
  }

  /** Every regular file under {@code root}, relative with {@code /}, without following links. */
  private static Set<String> listFiles(Path root) throws IOException {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(p -> !p.equals(root) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .forEach(p -> out.add(root.relativize(p).toString().replace('\\', '/')));
    }
    return out;
  }

  private static String sample(Set<String> names) {
    List<String> l = names.stream().limit(3).map(n -> "`" + n + "`").toList();
    return String.join(", ", l) + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "");
  }

  private static byte[] manifestJson(Map<String, String> files, Map<String, String> pending) {
    ObjectNode root = Json.object();
    root.put("generator", "ddbm");
    root.put("note", "files ddbm wrote here and the SHA-256 of what it wrote; ddbm replaces only these, and only while unchanged");
    ObjectNode f = root.putObject("files");
    files.forEach(f::put);
    if (!pending.isEmpty()) {
      ObjectNode p = root.putObject("pending");
      pending.forEach(p::put);
    }
    return (Json.pretty(root) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The manifest: each listed file and the hashes it may hold while still being ours. */
  private static Validated<Map<String, Set<String>>> readManifest(Path file) {
    try {
      JsonNode root = Json.parseTrusted(Files.readString(file, StandardCharsets.UTF_8));
      if (!root.isObject() || !root.path("files").isObject()) {
        throw new IOException("no `files` object");
      }
      Map<String, Set<String>> out = new LinkedHashMap<>();
      for (String section : List.of("files", "pending")) {
        var it = root.path(section).properties().iterator();
        while (it.hasNext()) {
          var e = it.next();
          if (!e.getValue().isTextual() || !safeRelative(e.getKey())) {
            throw new IOException("bad entry `" + e.getKey() + "`");
          }
          out.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(e.getValue().asText());
        }
      }
      return Validated.valid(out);
    } catch (IOException | RuntimeException e) {
      return Validated.invalid(Diagnostic.usage("Output.NotOurs", "the manifest `" + file + "` cannot be read (" + e.getMessage()
              + "), so ddbm cannot tell its files from yours", SourceLocation.NONE,
          "restore the manifest, or pass a new folder with --out"));
    }
  }

  private static Path firstMissing(Path dir) {
    Path missing = null;
    for (Path p = dir; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
      missing = p;
    }
    return missing;
  }

  /** Removes empty folders from {@code dir} up to (not beyond) {@code stop}, deepest first. */
  private static void removeEmptyDirs(Path dir, Path stop) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Deque<Path> dirs = new ArrayDeque<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).forEach(dirs::push);
    }
    while (!dirs.isEmpty()) {
      Path d = dirs.pop();
      if (!d.equals(stop)) {
        deleteIfEmpty(d);
      }
    }
    // then the parents that became empty; dir itself may be gone already (removed above)
    for (Path p = dir; p != null && !p.equals(stop) && p.startsWith(stop); p = p.getParent()) {
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !deleteIfEmpty(p)) {
        break;
      }
    }
  }

  private static boolean deleteIfEmpty(Path d) throws IOException {
    try {
      return Files.deleteIfExists(d);
    } catch (DirectoryNotEmptyException e) {
      return false;
    }
  }

  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    try {
      return abs.toRealPath();
    } catch (IOException e) {
      Path parent = abs.getParent();
      return parent == null ? abs : real(parent).resolve(abs.getFileName());
    }
  }
}
