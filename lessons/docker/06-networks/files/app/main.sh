#!/bin/sh
# Stands in for `python main.py --db-host HOST` from the mentoring session. This time it
# really connects: to HOST, port 3306, and prints the database's greeting.
if [ "$1" != "--db-host" ] || [ -z "$2" ]; then
  echo "usage: main.sh --db-host HOST (got: $*)" >&2
  exit 2
fi
echo "connecting to $2:3306 ..."
if reply=$(nc -w 3 "$2" 3306 </dev/null 2>&1) && [ -n "$reply" ]; then
  echo "connected: $reply"
else
  echo "cannot reach $2:3306: ${reply:-no answer}"
  exit 1
fi
