#!/bin/bash
# Runs wordfreq.sh on a known text and compares with the expected counts.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
got=$(bash "$here/wordfreq.sh" "$here/sample.txt" 3)
want=$'4 the\n3 dog\n3 fox'
if [ "$got" = "$want" ]; then
  echo "ok: wordfreq counts sample.txt"
else
  printf 'FAILED: expected\n%s\ngot\n%s\n' "$want" "$got"
  exit 1
fi
