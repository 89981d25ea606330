#!/usr/bin/env bash
# Runs every test of Lotte.Dashboard on a fresh machine: installs what the tests need when missing
# (Debian's chromium for browser tests, Debian's prometheus for the monitoring tests; npm packages during
# the build and for the Kubernetes manifest check), restores, builds, starts the
# local PostgreSQL, runs every test project, prints the totals and exits non-zero on any failure.
#
#   LOTTE_CONFIGURATION=Debug   build configuration
#   LOTTE_PG_PORT=55432         port of the local PostgreSQL cluster
#   LOTTE_MLFLOW_REAL_URI=      also run the MLflow client scenarios against this real MLflow server
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

configuration="${LOTTE_CONFIGURATION:-Debug}"
results_dir="artifacts/test-results"
log="$results_dir/dotnet-test.log"

say() { echo "test.sh: $*" >&2; }
die() { say "$*"; exit 1; }

command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK (dotnet) is required."
command -v npm >/dev/null 2>&1 || die "Node.js with npm is required (the build fetches apexcharts with npm)."

apt_updated=false
apt_install() { # package, what it is for; only as root on Debian/Ubuntu
  [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 || return 0
  say "installing Debian's $1 for $2..."
  if [ "$apt_updated" = false ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    apt_updated=true
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
}

ensure_chromium() {
  local chromium="${LOTTE_CHROMIUM:-/usr/bin/chromium}"
  [ -x "$chromium" ] && return 0
  apt_install chromium "the browser tests"
  [ -x "$chromium" ] || die "Chromium not found at $chromium: install Debian's chromium package or set LOTTE_CHROMIUM."
}

# promtool checks and unit-tests the alert rules; the prometheus server scrapes a running dashboard.
ensure_prometheus() {
  local prometheus="${LOTTE_PROMETHEUS:-/usr/bin/prometheus}" promtool="${LOTTE_PROMTOOL:-/usr/bin/promtool}"
  [ -x "$prometheus" ] && [ -x "$promtool" ] && return 0
  apt_install prometheus "the monitoring tests"
  [ -x "$prometheus" ] && [ -x "$promtool" ] ||
    die "prometheus/promtool not found at $prometheus, $promtool: install Debian's prometheus package or set LOTTE_PROMETHEUS and LOTTE_PROMTOOL."
}

ensure_chromium
ensure_prometheus
scripts/postgres.sh start

say "restoring and building ($configuration)..."
dotnet tool restore >/dev/null
dotnet restore Lotte.Dashboard.sln --nologo -v quiet
dotnet build Lotte.Dashboard.sln -c "$configuration" --no-restore --nologo -v quiet -clp:ErrorsOnly

mkdir -p "$results_dir"
run_module() { # project, log
  dotnet test --project "tests/$1/$1.csproj" -c "$configuration" --no-build --results-directory "$results_dir" >"$2" 2>&1
}

# Unit and integration tests run side by side; the browser tests then run alone, because they measure
# how fast the live dashboard updates and must not share two cores with a hundred racing transactions.
say "running unit, component and integration tests..."
status=0
pids=()
for module in Lotte.Core.Tests Lotte.Dashboard.Tests Lotte.Registry.Tests Lotte.IntegrationTests; do
  run_module "$module" "$results_dir/$module.log" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
say "running browser tests..."
run_module Lotte.EndToEnd "$results_dir/Lotte.EndToEnd.log" || status=1

cat "$results_dir"/Lotte.*.log >"$log"
grep -hE "^(failed|  (total|failed|succeeded|skipped):|Test run summary)|passed \(|failed \(" "$results_dir"/Lotte.*.log || true

# Totals over every test module, from each module's summary block (Microsoft.Testing.Platform).
read -r passed failed skipped < <(awk '
  /^[[:space:]]+succeeded:/ { p += $2 }
  /^[[:space:]]+failed:/    { f += $2 }
  /^[[:space:]]+skipped:/   { s += $2 }
  END { print p + 0, f + 0, s + 0 }' "$log")

echo
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  say "FAILED; full logs in $results_dir/"
  exit 1
fi
