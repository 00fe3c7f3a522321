#!/bin/sh
# Stands in for `python main.py --db-host HOST` from the mentoring session:
# it only says where it would connect (there is no database here).
if [ "$1" != "--db-host" ] || [ -z "$2" ]; then
  echo "usage: main.sh --db-host HOST (got: $*)" >&2
  exit 2
fi
echo "connecting to $2:3306 ..."
