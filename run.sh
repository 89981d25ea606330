#!/usr/bin/env bash
# Runs Lotte.Dashboard on this machine: starts the local PostgreSQL (scripts/postgres.sh), then the
# dashboard in Development, which applies migrations and seeds the demo. Ctrl-C stops it.
#
#   LOTTE_PORT=5000            port on 127.0.0.1
#   LOTTE_PG_PORT=55432        port of the local PostgreSQL cluster
#   ConnectionStrings__Lotte   another database (default: the local cluster's "lotte" database)
#   LOTTE_CONFIGURATION=Debug  build configuration; LOTTE_RUN_NO_BUILD=1 skips the build
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

port="${LOTTE_PORT:-5000}"
configuration="${LOTTE_CONFIGURATION:-Debug}"
command -v dotnet >/dev/null 2>&1 || { echo "run.sh: the .NET 10 SDK (dotnet) is required: https://dot.net" >&2; exit 1; }

scripts/postgres.sh start
# A non-default cluster port means the Development connection string must follow it.
if [ -n "${LOTTE_PG_PORT:-}" ] && [ -z "${ConnectionStrings__Lotte:-}" ]; then
  export ConnectionStrings__Lotte="$(scripts/postgres.sh url lotte)"
fi

build=()
[ "${LOTTE_RUN_NO_BUILD:-0}" = "1" ] && build=(--no-build)

echo "run.sh: Lotte.Dashboard on http://127.0.0.1:$port (Ctrl-C to stop)" >&2
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
exec dotnet run --project src/Dashboard --configuration "$configuration" --no-launch-profile "${build[@]}" \
  -- --urls "http://127.0.0.1:$port"
