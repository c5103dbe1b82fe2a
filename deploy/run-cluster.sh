#!/usr/bin/env bash
# A cluster in one terminal, for trying it out or a one-off event without systemd:
#   set -a; . /etc/dialog/dialog.env; set +a
#   deploy/run-cluster.sh [number of serve processes, default 2] [first port, default 5001]
# Starts N `dialog serve` processes on consecutive ports and, when this version has it,
# one `dialog worker`; Ctrl+C stops them all. Put nginx or HAProxy in front (deploy/).
set -euo pipefail
count=${1:-2}
first=${2:-5001}
# The checkout's own virtual environment (docs/operations.md installs into .venv), else PATH.
here=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${DIALOG_BIN:-}" ] && [ -x "$here/.venv/bin/dialog" ]; then
  DIALOG_BIN=$here/.venv/bin/dialog
fi
dialog=${DIALOG_BIN:-dialog}
: "${DIALOG_DATABASE_URL:?set DIALOG_DATABASE_URL (PostgreSQL) first}"
: "${DIALOG_REDIS_URL:?set DIALOG_REDIS_URL first: the processes share rooms through Redis}"
: "${DIALOG_SECRET_KEY:?set DIALOG_SECRET_KEY first: every process must share it}"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

"$dialog" db upgrade
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' INT TERM EXIT
for ((n = 0; n < count; n++)); do
  "$dialog" serve --host 127.0.0.1 --port $((first + n)) &
  pids+=($!)
done
if "$dialog" worker --help >/dev/null 2>&1; then
  "$dialog" worker &
  pids+=($!)
fi
wait -n
echo "a dialog process stopped: stopping the others" >&2
