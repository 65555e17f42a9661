#!/usr/bin/env python3
"""Authoring aid only: reads javac output (stdin) and prints candidate `public` lines for
mapping.txt. A person reviews them and commits them to the spec; api_move.py never reads
compiler output."""
import re
import sys

out = []
for line in sys.stdin:
    m = re.search(r"(?:\] |^\s*\(|reason: )([^\s(]+?)(\([^)]*\))? is not public in ([\w.]+); cannot be accessed", line)
    if not m:
        continue
    name, args, owner = m.group(1), m.group(2), m.group(3)
    if "." in name and args is None:  # a type: fully qualified
        entry = f"public {name}"
    elif owner[owner.rfind(".") + 1:][:1].islower():
        entry = f"public {owner}.{name}"
    else:
        entry = f"public {owner}#{name}"
    if entry not in out:
        out.append(entry)
print("\n".join(out))
