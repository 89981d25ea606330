#!/usr/bin/env bash
# Soak run: steady ingestion plus live Chromium viewers on one experiment page for a bounded time, then the
# dashboard's memory over time, its error-level log lines and whether the totals are exact (docs/reliability.md).
#
#   scripts/soak.sh [MINUTES] [VIEWERS] [BATCH_INTERVAL_MS]     defaults: 10 minutes, 50 viewers, a batch every 500 ms
#
# Uses the local PostgreSQL cluster (started if needed; LOTTE_PG_PORT as for the tests) and Debian's Chromium
# (LOTTE_CHROMIUM overrides). The report is printed and kept in artifacts/soak/. Exit code 0 when the totals are
# exact, every viewer still updated live at the end and the dashboard logged no error.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
minutes="${1:-10}"
viewers="${2:-50}"
interval="${3:-500}"
cd "$root"
mkdir -p artifacts/soak
log="artifacts/soak/soak-$(date +%Y%m%d-%H%M%S)-${minutes}min-${viewers}viewers.log"

dotnet build src/Dashboard -c Release -v quiet -nologo
dotnet build benchmarks/Lotte.Soak -c Release -v quiet -nologo
# Bounded: the soak itself plus room for opening the viewers, draining and cleaning up.
timeout "$(( ${minutes%.*} * 60 + 900 ))" dotnet benchmarks/Lotte.Soak/bin/Release/net10.0/Lotte.Soak.dll "$minutes" "$viewers" "$interval" 2>&1 | tee "$log"
status="${PIPESTATUS[0]}"
echo "soak.sh: report kept in $log" >&2
exit "$status"
