#!/usr/bin/env bash
# Validates SARIF files with Microsoft's SARIF multitool: the OASIS schema plus the SARIF and GitHub
# ("Gh") rule sets, i.e. what GitHub code scanning accepts.
#
#   .ci/validate-sarif.sh FILE...
#
# The multitool is installed with npm into target/sarif-multitool on first use. It exits 0 even
# when it finds errors, so this script reads its output: every problem is one line of the form
#   FILE(LINE,COL): error|warning|note RULEID: runs[0]...: message
# (or "FILE(LINE): ..." for JSON syntax errors, "SARIF.MULTITOOL : error ERRnnn..." for its own).
# Exit status: 0 when no line reports an error, 1 when one does, 2 on bad usage or a failed install.
set -euo pipefail

MULTITOOL_VERSION=5.7.0

if [ "$#" -eq 0 ]; then
  echo "usage: $0 FILE.sarif..." >&2
  exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="$root/target/sarif-multitool"
tool="$prefix/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"

if [ ! -e "$tool" ]; then
  mkdir -p "$prefix"
  if ! npm install --prefix "$prefix" --no-audit --no-fund --no-save \
      "@microsoft/sarif-multitool-linux@$MULTITOOL_VERSION" >&2; then
    echo "$0: could not install @microsoft/sarif-multitool-linux@$MULTITOOL_VERSION" >&2
    exit 2
  fi
fi
# The package makes the binary executable in a postinstall script, which recent npm skips.
[ -x "$tool" ] || chmod u+x "$tool"

status=0
for file in "$@"; do
  if [ ! -f "$file" ]; then
    echo "$0: $file: no such file" >&2
    status=1
    continue
  fi
  set +e
  output="$("$tool" validate --rule-kind "Sarif;Gh" "$file" 2>&1)"
  tool_status=$?
  set -e
  printf '%s\n' "$output"
  if [ "$tool_status" -ne 0 ] || grep -Eq ': error [A-Za-z]+[0-9]+' <<<"$output"; then
    echo "$0: $file: not valid SARIF for GitHub code scanning" >&2
    status=1
  fi
done
exit "$status"
