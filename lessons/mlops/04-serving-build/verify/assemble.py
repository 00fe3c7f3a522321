#!/usr/bin/env python3
"""Print a whole server.py: the lesson's skeleton with one variant's blocks spliced in.

    python3 assemble.py NAME > server.py

variants/NAME.py holds only what differs from the skeleton (files/server.py): top-level
functions and classes replace the skeleton's of the same name, assignments the skeleton's
to the same name; one the skeleton lacks goes in before `if __name__ == "__main__":`.
Two names in a variant are directions, not code:
  BASE = "other"             start from variant `other` instead of the bare skeleton
  REPLACE = {"old": "new"}   then swap text that stands exactly once in the result
so a near miss of another variant says just how it misses.
"""
import ast
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SKELETON = HERE.parent / "files" / "server.py"
DIRECTIONS = ("BASE", "REPLACE")


def blocks(source):
    """{name: (first line, last line)} of the top-level defs, classes and assignments, 0-based."""
    found = {}
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            name = node.name
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            name = node.target.id
        else:
            continue
        first = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        found[name] = (first - 1, node.end_lineno - 1)
    return found


def main_guard(lines):
    for i, line in enumerate(lines):
        if line.startswith("if __name__ =="):
            return i
    return len(lines)


def assemble(name):
    path = HERE / "variants" / (name + ".py")
    source = path.read_text()
    mine = blocks(source)
    directions = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) in DIRECTIONS:
            directions[node.targets[0].id] = ast.literal_eval(node.value)
    text = assemble(directions["BASE"]) if "BASE" in directions else SKELETON.read_text()

    own = source.splitlines(keepends=True)
    for block, (first, last) in mine.items():
        if block in DIRECTIONS:
            continue
        new = own[first:last + 1]
        new[-1] = new[-1].rstrip("\n") + "\n"
        lines = text.splitlines(keepends=True)
        where = blocks(text).get(block)
        if where:
            lines[where[0]:where[1] + 1] = new
        else:
            at = main_guard(lines)
            lines[at:at] = new + ["\n", "\n"]
        text = "".join(lines)

    for old, new in directions.get("REPLACE", {}).items():
        if text.count(old) != 1:
            sys.exit("assemble.py: %s: REPLACE expects %r once, found it %d times" % (path, old, text.count(old)))
        text = text.replace(old, new)
    return text


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: assemble.py NAME   (NAME: one of %s)"
                 % ", ".join(sorted(p.stem for p in (HERE / "variants").glob("*.py"))))
    sys.stdout.write(assemble(sys.argv[1]))
