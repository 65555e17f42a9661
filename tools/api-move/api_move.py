#!/usr/bin/env python3
"""Re-runnable package/class mover for the ddbmodel API boundary (issue #23 item 1).

Usage (from the repository root):
  python3 tools/api-move/api_move.py [--spec tools/api-move/mapping.txt] [--dry-run]
  python3 tools/api-move/api_move.py --count          # public top-level main types

The spec (see mapping.txt) says where packages and classes go and which members must become
public. Everything is computed from the tree as it is: on a fresh main the old names are found
and moved; on a tree that was already moved nothing matches and nothing changes (idempotent).

What it rewrites, in every module's src/main/java and src/test/java and in examples/:
  - the package declaration of every moved file, and moves the file;
  - imports (single type, nested type, static, and wildcard imports of a moved package);
  - fully qualified names anywhere in Java files and in text files (docs, poms, bench scripts);
  - references to classes of the file's old package that needed no import before and do now;
  - simple names of renamed classes, in the files that can see them;
  - then the explicit `public` list: top-level types and members (by name, every overload).
Resources are loaded by absolute path in this code base, so they stay where they are.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

JAVA_ROOTS = ("src/main/java", "src/test/java")
TEXT_SUFFIXES = (".md", ".xml", ".txt", ".properties", ".json")
TEXT_DIRS = ("docs", "bench")
SKIP_DIRS = {"target", ".git", "node_modules", ".mvn"}
TYPE_DECL = re.compile(
    r"^((?:(?:public|protected|private|static|final|abstract|sealed|non-sealed|strictfp)\s+)*)"
    r"(class|record|interface|enum|@interface)\s+(\w+)")


@dataclass
class Spec:
    packages: list[tuple[str, str, bool]] = field(default_factory=list)  # old, new, recursive
    classes: dict[str, str] = field(default_factory=dict)  # old fqn -> new fqn
    public: list[str] = field(default_factory=list)  # "fqn" or "fqn#member" (new names)
    resources: list[tuple[str, str]] = field(default_factory=list)  # old dir -> new dir


def read_spec(path: Path) -> Spec:
    spec = Spec()
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = re.sub(r"(^|\s)#.*$", "", raw).strip()
        if not line:
            continue
        parts = line.split()
        if parts[0] == "package" and len(parts) == 4 and parts[2] == "->":
            old, new = parts[1], parts[3]
            rec = old.endswith(".**")
            if rec:
                old, new = old[:-3], new[:-3] if new.endswith(".**") else new
            spec.packages.append((old, new, rec))
        elif parts[0] == "class" and len(parts) == 4 and parts[2] == "->":
            old, new = parts[1], parts[3]
            if new[new.rfind(".") + 1:][:1].islower():  # target is a package: keep the simple name
                new = new + "." + old[old.rfind(".") + 1:]
            spec.classes[old] = new
        elif parts[0] == "resources" and len(parts) == 4 and parts[2] == "->":
            spec.resources.append((parts[1].strip("/"), parts[3].strip("/")))
        elif parts[0] == "public" and len(parts) == 2:
            spec.public.append(parts[1])
        else:
            sys.exit(f"{path}:{n}: cannot read: {raw}")
    for new in list(spec.classes.values()):  # a class rule's target stays where it is
        spec.classes.setdefault(new, new)
    return spec


def java_files(repo: Path) -> list[Path]:
    out = []
    for dirpath, dirnames, filenames in os.walk(repo):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        rel = Path(dirpath).relative_to(repo).as_posix()
        if not any(f"/{r}" in f"/{rel}" for r in JAVA_ROOTS):
            continue
        if "/resources/" in f"/{rel}/":
            continue
        out += [Path(dirpath) / f for f in filenames if f.endswith(".java")]
    return sorted(out)


def text_files(repo: Path) -> list[Path]:
    out = [p for p in repo.glob("*/pom.xml")] + [repo / "pom.xml", repo / "README.md", repo / "CHANGELOG.md"]
    out += list(repo.glob("examples/*/pom.xml"))
    for d in TEXT_DIRS:
        for dirpath, dirnames, filenames in os.walk(repo / d):
            dirnames[:] = [x for x in dirnames if x not in SKIP_DIRS]
            for f in filenames:
                p = Path(dirpath) / f
                if p.suffix in TEXT_SUFFIXES or d == "bench":
                    out.append(p)
    return [p for p in out if p.is_file()]


PKG_RE = re.compile(r"^package\s+([\w.]+)\s*;", re.M)


@dataclass
class JFile:
    path: Path
    root: Path  # .../src/main/java
    pkg: str
    name: str
    text: str

    @property
    def fqn(self) -> str:
        return f"{self.pkg}.{self.name}" if self.pkg else self.name


def load(repo: Path) -> list[JFile]:
    files = []
    for p in java_files(repo):
        text = p.read_text(encoding="utf-8")
        m = PKG_RE.search(text)
        pkg = m.group(1) if m else ""
        rel = p.as_posix()
        idx = max(rel.rfind("/src/main/java/"), rel.rfind("/src/test/java/"))
        root = Path(rel[: idx + len("/src/main/java")])
        files.append(JFile(p, root, pkg, p.stem, text))
    return files


def target_of(spec: Spec, fqn: str, pkg: str) -> str:
    if fqn in spec.classes:
        return spec.classes[fqn]
    best = None
    for old, new, rec in spec.packages:
        if pkg == old or (rec and pkg.startswith(old + ".")):
            if best is None or len(old) > len(best[0]):
                best = (old, new)
    if best:
        return best[1] + pkg[len(best[0]):] + "." + fqn[fqn.rfind(".") + 1:]
    return fqn


def split(fqn: str) -> tuple[str, str]:
    i = fqn.rfind(".")
    return fqn[:i], fqn[i + 1:]


IMPORT_RE = re.compile(r"^import\s+(static\s+)?([\w.]+)(\.\*)?\s*;[ \t]*$", re.M)


def strip_noncode(text: str) -> str:
    """Text with comments and string literals blanked, for identifier scans."""
    text = re.sub(r'"""[\s\S]*?"""', '""', text)
    text = re.sub(r"/\*[\s\S]*?\*/", " ", text)
    text = re.sub(r"//[^\n]*", " ", text)
    text = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)
    text = re.sub(r"'(?:\\.|[^'\\\n])'", "''", text)
    return text


def replace_fqns(text: str, mapping: dict[str, str]) -> str:
    if not mapping:
        return text
    keys = sorted(mapping, key=len, reverse=True)
    pat = re.compile(r"(?<![\w.])(" + "|".join(re.escape(k) for k in keys) + r")(?![\w])")
    return pat.sub(lambda m: mapping[m.group(1)], text)


def rewrite(f: JFile, moves: dict[str, str], by_pkg: dict[str, list[str]], renames: dict[str, str],
            pkg_moves: dict[str, list[str]]) -> str:
    text = f.text
    new_fqn = moves.get(f.fqn, f.fqn)
    new_pkg = split(new_fqn)[0]

    # wildcard imports of a package whose classes moved: import every destination package
    def wildcard(m: re.Match) -> str:
        if m.group(1) or not m.group(3) or m.group(2) not in pkg_moves:
            return m.group(0)
        dests = sorted(set(pkg_moves[m.group(2)]))
        return "\n".join(f"import {d}.*;" for d in dests)
    text = IMPORT_RE.sub(wildcard, text)

    # fully qualified names (imports included): longest match first, nested names follow
    text = replace_fqns(text, {o: n for o, n in moves.items() if o != n})
    text = PKG_RE.sub(f"package {new_pkg};", text, count=1) if f.pkg else text

    # renamed classes: simple names in files that saw them (same old package or imported)
    code = strip_noncode(f.text)
    for old, new in renames.items():
        o_pkg, o_name = split(old)
        n_name = split(new)[1]
        if f.fqn == old or f.pkg == o_pkg or re.search(r"\bimport\s+" + re.escape(old) + r"\s*;", f.text):
            if re.search(r"\b" + o_name + r"\b", code):
                text = re.sub(r"(?<![\w.])" + o_name + r"\b(?!\s*\.java)", n_name, text)

    # classes of the old package that were visible without import and are elsewhere now
    needed = []
    for other in by_pkg.get(f.pkg, []):
        if other == f.fqn:
            continue
        dest = moves.get(other, other)
        if split(dest)[0] == new_pkg:
            continue
        simple = split(other)[1]
        if re.search(r"(?<![\w.])" + simple + r"\b", code):
            needed.append(dest)
    # classes moved into the new package need no import any more: drop those imports
    own = re.compile(r"^import\s+" + re.escape(new_pkg) + r"\.([A-Z]\w*)\s*;[ \t]*\n", re.M)
    text = own.sub("", text)
    if needed:
        have = set(re.findall(r"^import\s+([\w.]+)\s*;", text, re.M))
        add = [d for d in sorted(set(needed)) if d not in have]
        if add:
            block = "".join(f"import {d};\n" for d in add)
            m = re.search(r"^import\s", text, re.M)
            if m:
                text = text[: m.start()] + block + text[m.start():]
            else:
                pm = PKG_RE.search(text)
                text = text[: pm.end()] + "\n\n" + block.rstrip("\n") + text[pm.end():]
    return text


MODS = r"(?:(?:static|final|abstract|synchronized|default|sealed|non-sealed|strictfp|native|transient|volatile)\s+)*"


def blank_noncode(text: str) -> str:
    """Comments and literals replaced by spaces of the same length (newlines kept)."""
    def blank(m: re.Match) -> str:
        return re.sub(r"[^\n]", " ", m.group(0))
    return re.sub(r'"""[\s\S]*?"""|/\*[\s\S]*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])\'', blank, text)


def member_lines(text: str) -> set[int]:
    """Numbers of the lines that start directly inside a type body (where members are declared)."""
    code = blank_noncode(text)
    stack: list[bool] = []  # True: type body
    out = set()
    line = 0
    since = 0
    for i, c in enumerate(code):
        if c == "\n":
            line += 1
            if stack and stack[-1]:
                out.add(line)
        elif c == "{":
            head = code[since:i]
            stack.append(bool(re.search(r"\b(class|record|interface|enum)\s+\w+", head)) and "->" not in head
                         and "new " not in head)
            if re.search(r"\bnew\s+[\w.<>]+\s*\([^;]*\)\s*$", head):  # anonymous class body
                stack[-1] = True
            since = i + 1
        elif c == "}":
            if stack:
                stack.pop()
            since = i + 1
        elif c == ";":
            since = i + 1
    return out


def make_public(text: str, simple: str, member: str | None) -> tuple[str, int]:
    lines = text.split("\n")
    members = member_lines(text)
    hits = 0
    for i, line in enumerate(lines):
        if member is not None and i not in members:
            continue
        if member is None:
            m = TYPE_DECL.match(line)
            if m and m.group(3) == simple:
                if "public" not in m.group(1).split():
                    mods = " ".join(w for w in m.group(1).split() if w not in ("protected", "private"))
                    lines[i] = "public " + (mods + " " if mods else "") + line[m.start(2):]
                hits += 1
            continue
        ind = re.match(r"^(\s+)", line)
        if not ind:
            continue
        body = line[ind.end():]
        if re.match(r"(public|return|new|throw|else|if|for|while|case|yield)\b", body):
            if body.startswith("public") and _declares(body[len("public"):].lstrip(), member, simple):
                hits += 1
            continue
        mod = re.match(r"(protected|private)\s+", body)
        rest = body[mod.end():] if mod else body
        if _declares(rest, member, simple):
            lines[i] = ind.group(1) + "public " + rest
            hits += 1
    return "\n".join(lines), hits


def _declares(rest: str, member: str, simple: str) -> bool:
    m = re.match(MODS, rest)
    after = rest[m.end():]
    if re.match(r"(class|record|interface|enum|@interface)\s+" + member + r"\b", after):
        return True
    if member == simple and re.match(member + r"\s*[({]", after):  # constructor, compact too
        return True
    if re.match(r"(<[^=;]*?>\s+)?[\w.$]+(<[^=;()]*>)?(\[\])*\s+" + member + r"\s*(\(|=|;)", after):
        return True
    return False


def count_public(repo: Path) -> tuple[int, int, int]:
    total = pub = internal = 0
    for f in load(repo):
        if "/src/main/java" not in f.root.as_posix() or "/examples/" in f.path.as_posix():
            continue
        for line in f.text.split("\n"):
            m = TYPE_DECL.match(line)
            if m and m.group(3) == f.name:
                total += 1
                is_pub = "public" in m.group(1).split()
                pub += is_pub
                internal += is_pub and ".internal." in f.pkg + "."
                break
    return pub, total, internal


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--spec", default="tools/api-move/mapping.txt")
    ap.add_argument("--repo", default=".")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--count", action="store_true")
    a = ap.parse_args()
    repo = Path(a.repo).resolve()
    if a.count:
        p, t, i = count_public(repo)
        print(f"public top-level main types: {p} of {t}; {i} of them in .internal packages, {p - i} reachable API")
        return
    spec = read_spec(repo / a.spec)
    files = load(repo)
    moves: dict[str, str] = {}
    by_pkg: dict[str, list[str]] = {}
    pkg_moves: dict[str, list[str]] = {}
    for f in files:
        by_pkg.setdefault(f.pkg, []).append(f.fqn)
        dest = target_of(spec, f.fqn, f.pkg)
        moves[f.fqn] = dest
        pkg_moves.setdefault(f.pkg, []).append(split(dest)[0])
    pkg_moves = {k: v for k, v in pkg_moves.items() if set(v) != {k}}
    # idempotency: a destination must not be moved again by a second run
    for old, new in moves.items():
        again = target_of(spec, new, split(new)[0])
        if again != new:
            sys.exit(f"spec is not idempotent: {old} -> {new} -> {again}; "
                     f"use class rules for what goes into a package that is itself mapped")
    renames = {o: n for o, n in moves.items() if split(o)[1] != split(n)[1]}
    changed = moved = 0
    for f in files:
        new_text = rewrite(f, moves, by_pkg, renames, pkg_moves)
        dest_fqn = moves[f.fqn]
        dest = f.root / (dest_fqn.replace(".", "/") + ".java")
        if dest != f.path:
            moved += 1
            if not a.dry_run:
                if dest.exists():
                    sys.exit(f"refusing to overwrite {dest}")
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_text(new_text, encoding="utf-8")
                f.path.unlink()
                try:
                    f.path.parent.rmdir()
                except OSError:
                    pass
            print(f"move {f.path.relative_to(repo)} -> {dest.relative_to(repo)}")
        elif new_text != f.text:
            changed += 1
            if not a.dry_run:
                f.path.write_text(new_text, encoding="utf-8")
    # text files: class names and package prefixes (dev.ddbmodel.x.Y, dev.ddbmodel.x.*)
    text_map = {o: n for o, n in moves.items() if o != n}
    for t in text_files(repo):
        s = t.read_text(encoding="utf-8")
        s2 = replace_fqns(s, text_map)
        if s2 != s:
            changed += 1
            if not a.dry_run:
                t.write_text(s2, encoding="utf-8")
    # resources loaded relative to a moved class: move the files, rewrite "old/dir/" in strings
    for old_dir, new_dir in spec.resources:
        for res_root in list(repo.glob("*/src/*/resources")) + list(repo.glob("examples/*/src/*/resources")):
            src = res_root / old_dir
            if not src.is_dir():
                continue
            for f in sorted(p for p in src.iterdir() if p.is_file()):
                dest = res_root / new_dir / f.name
                moved += 1
                print(f"move {f.relative_to(repo)} -> {dest.relative_to(repo)}")
                if not a.dry_run:
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    f.rename(dest)
            if not a.dry_run and not any(src.iterdir()):
                src.rmdir()
        for t in [f.path for f in load(repo)] + text_files(repo):
            s = t.read_text(encoding="utf-8")
            s2 = re.sub(r"(?<![\w/])" + re.escape(old_dir) + "/", new_dir + "/", s)
            if s2 != s and not a.dry_run:
                t.write_text(s2, encoding="utf-8")
                changed += 1
    # the explicit public list, in new names
    if not a.dry_run:
        index = {f.fqn: f for f in load(repo)}
        for entry in spec.public:
            cls, _, member = entry.partition("#")
            top = cls
            while top not in index and "." in top:
                top = top[: top.rfind(".")]
            if top not in index:
                sys.exit(f"public: no such class {cls}")
            f = index[top]
            simple = split(cls)[1]
            if not member and cls != top:  # a nested type: a member of its enclosing type
                member, simple = simple, split(split(cls)[0])[1]
            text, hits = make_public(f.text, simple, member or None)
            if hits == 0:
                sys.exit(f"public: found no declaration for {entry}")
            if text != f.text:
                f.path.write_text(text, encoding="utf-8")
                f.text = text
                changed += 1
    print(f"moved {moved} files, rewrote {changed} others")


if __name__ == "__main__":
    main()
