#!/bin/bash
# copies notes.txt into backups/
set -e
cd "$(dirname "$0")"
cp notes.txt backups/notes.bak
echo "backup ok: backups/notes.bak ($(wc -c < notes.txt) bytes)"
