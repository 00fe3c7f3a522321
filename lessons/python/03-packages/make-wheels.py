#!/usr/bin/env python3
"""Builds the two tiny wheels the python/packages lesson installs offline.

    python3 lessons/python/03-packages/make-wheels.py

writes files/wheels/greet-1.0.0-py3-none-any.whl (which requires colorword>=0.2) and
files/wheels/colorword-0.2.0-py3-none-any.whl. A wheel is a zip of the package plus
<name>-<version>.dist-info/{METADATA,WHEEL,RECORD}; pip reads Requires-Dist from METADATA and
finds the dependency in --find-links. The zips carry a fixed timestamp, so a rebuild gives the
same bytes and git shows no change unless the sources below changed.
"""
import base64
import hashlib
import pathlib
import zipfile

OUT = pathlib.Path(__file__).resolve().parent / "files" / "wheels"
STAMP = (2024, 1, 1, 0, 0, 0)

COLORWORD = {
    "colorword/__init__.py": '''\
"""colorword: wrap a word in a terminal colour (a tiny wheel for the shellcamp lesson)."""

__version__ = "0.2.0"

CODES = {"red": 31, "green": 32, "yellow": 33, "blue": 34}


def paint(word, color="green"):
    """The word between the ANSI codes for the colour and for reset."""
    return "\\033[%dm%s\\033[0m" % (CODES[color], word)
''',
}

GREET = {
    "greet/__init__.py": '''\
"""greet: say hello in colour (a tiny wheel for the shellcamp lesson). Needs colorword."""

import sys

from colorword import paint

__version__ = "1.0.0"


def hello(name="world"):
    return "Hello, " + paint(name, "green") + "!"


def main():
    print(hello(" ".join(sys.argv[1:]) or "world"))
''',
    "greet/__main__.py": '''\
from greet import main

main()
''',
}


def metadata(name, version, summary, requires=()):
    lines = ["Metadata-Version: 2.1", "Name: " + name, "Version: " + version, "Summary: " + summary,
             "License: MIT", "Requires-Python: >=3.7"]
    lines += ["Requires-Dist: " + r for r in requires]
    return "\n".join(lines) + "\n"


WHEEL = "Wheel-Version: 1.0\nGenerator: shellcamp make-wheels.py\nRoot-Is-Purelib: true\nTag: py3-none-any\n"


def record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (path, digest, len(data))


def build(name, version, sources, summary, requires=(), entry_points=None):
    dist = "%s-%s.dist-info" % (name, version)
    files = {p: text.encode() for p, text in sources.items()}
    files[dist + "/METADATA"] = metadata(name, version, summary, requires).encode()
    files[dist + "/WHEEL"] = WHEEL.encode()
    if entry_points:
        files[dist + "/entry_points.txt"] = entry_points.encode()
    files[dist + "/top_level.txt"] = (name + "\n").encode()
    record = [record_line(p, d) for p, d in files.items()] + [dist + "/RECORD,,"]
    files[dist + "/RECORD"] = ("\n".join(record) + "\n").encode()
    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / ("%s-%s-py3-none-any.whl" % (name, version))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in files.items():
            info = zipfile.ZipInfo(path, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    print(target)


build("colorword", "0.2.0", COLORWORD, "Wrap a word in a terminal colour")
build("greet", "1.0.0", GREET, "Say hello in colour", requires=["colorword>=0.2"],
      entry_points="[console_scripts]\ngreet = greet:main\n")
