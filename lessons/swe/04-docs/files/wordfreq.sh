#!/bin/bash
# wordfreq: the most frequent words of a text file, one "count word" per line.
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: wordfreq.sh FILE [N]" >&2
  exit 2
fi
file=$1
n=${2:-10}
[ -r "$file" ] || { echo "wordfreq: cannot read $file" >&2; exit 1; }
tr -cs '[:alpha:]' '\n' < "$file" | tr '[:upper:]' '[:lower:]' | grep -v '^$' \
  | sort | uniq -c | sort -k1,1nr -k2,2 | head -n "$n" | awk '{print $1, $2}'
