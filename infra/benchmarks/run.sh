#!/usr/bin/env bash
# The benchmarks, one command, against a private copy of the stack:
#
#   infra/benchmarks/run.sh            # both: the meeting-close rate search, then the gateway reads
#   infra/benchmarks/run.sh closes     # only the meeting-close rate search
#   infra/benchmarks/run.sh reads      # only the gateway read benchmark (needs wrk: apt-get install -y wrk)
#   infra/benchmarks/run.sh compliance # only the compliance watch at province scale (not part of "all")
#   infra/benchmarks/run.sh import     # only the member import (not part of "all")
#
# closes: finds the highest close rate at which close->scorecard p99 and close->notice p99 both stay
#   under BENCH_SLO_MS, in stages of fresh meetings, and prints the end-to-end rate of the best stage
#   with the Kafka floor and the store floor measured on the same broker and store. Knobs:
#     BENCH_CELLS (20)  BENCH_MEMBERS (30)  BENCH_ABSENT (2)       the province the run registers
#     BENCH_START_RATE (8)  BENCH_MAX_RATE (128)                   closes/s of the first / last stage
#     BENCH_STAGE_SECONDS (8)  BENCH_MIN_STAGE_MEETINGS (100)      a stage is max(rate x seconds, min)
#     BENCH_WARMUP_MEETINGS (40)  BENCH_BISECTIONS (2)  BENCH_SLO_MS (1000)
# reads: GET /api/v1/meetings/{id} with a bearer token under wrk, directly at meeting-service,
#   through the gateway, and the gateway's /actuator/health, per connection count. Knobs:
#     BENCH_READ_CONNECTIONS (4,32,128)  BENCH_READ_SECONDS (10)  BENCH_READ_WARMUP_SECONDS (20, per target)  BENCH_READ_ROUNDS (3, median)
# compliance: writes BENCH_COMPLIANCE_CELLS (10000) cells under BENCH_COMPLIANCE_COMMITTEES (20) with a year of
#   closed meetings (regular in BENCH_COMPLIANCE_REGULAR_SHARE 0.92 of months, thematic in 0.9 of quarters,
#   BENCH_COMPLIANCE_MEMBERS 8 attendance lines, 80% of meetings graded) straight into meeting-service's store
#   in bulk (insertMany of 10,000 documents; the period documents in the shape MongoCellPeriods keeps), then
#   times the daily watch (twice), the province-wide list (month and quarter by attendance rate, month by grade;
#   median of BENCH_COMPLIANCE_LIST_ROUNDS 5) and one aggregation pass over the same meetings on the same
#   store, and prints the ratios.
#
# import: 100,000 valid rows (BENCH_IMPORT_ROWS) as one CSV through POST
#   /api/v1/org-units/{cellId}/member-imports at member-service, followed until finished, then until
#   member-service's outbox is empty; prints the total time, rows/s, the time per 1,000 rows over the
#   first and last BENCH_IMPORT_WINDOW (10,000) rows, when every event was published (end to end), and
#   the ratio against a raw insertMany of the same documents on the same store.
#
# Builds the jars (skip with PARTYCELL_SKIP_BUILD=1), starts a private copy of the local stack
# (real Kafka broker, H2-backed MongoDB-wire store, four services, gateway) on ports moved by
# PARTYCELL_PORT_OFFSET (default 5000) with a throwaway data directory, runs the load and the
# floors against that same broker and store, prints the results, and stops the stack.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "${repo_root}"
mode="${1:-all}"
case "${mode}" in
  all|closes|reads|compliance|import) ;;
  *) echo "usage: $0 [all|closes|reads|compliance|import]"; exit 2 ;;
esac
if [[ "${mode}" != "closes" && "${mode}" != "compliance" && "${mode}" != "import" ]] && ! command -v wrk > /dev/null; then
  echo "wrk is needed for the read benchmark: apt-get install -y wrk (or run: $0 closes)"; exit 1
fi
JAVA_HOME=$(bash .ci/find-jdk)
export JAVA_HOME PATH="${JAVA_HOME}/bin:${PATH}"

if [[ "${PARTYCELL_SKIP_BUILD:-0}" != "1" ]]; then
  echo "Building (./mvnw package, no tests)…"
  ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package
fi

# Below 32768 - 27017: no moved port may fall in the kernel's ephemeral range.
offset="${PARTYCELL_PORT_OFFSET:-5000}"
data="$(mktemp -d -t partycell-bench-XXXXXX)"
launcher_pid=""
cleanup() {
  if [[ -n "${launcher_pid}" ]] && kill -0 "${launcher_pid}" 2>/dev/null; then
    kill -TERM "${launcher_pid}" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "${launcher_pid}" 2>/dev/null || break; sleep 1; done
    kill -KILL "${launcher_pid}" 2>/dev/null || true
  fi
  rm -rf "${data}"
}
trap cleanup EXIT

echo "Starting a private stack (ports +${offset}, data ${data})…"
# The close benchmark fills each cell's scorecards month by month backwards through past years (a
# province loading its history); meeting-service accepts meetings back to one year ago by default.
PARTYCELL_DATA_DIR="${data}" PARTYCELL_PORT_OFFSET="${offset}" PARTYCELL_MEMBER_IMPORT_DIR="${data}/member-imports" \
  PARTYCELL_MEETINGS_STARTS_AT_NOT_BEFORE="${PARTYCELL_MEETINGS_STARTS_AT_NOT_BEFORE:--P30Y}" \
  java -Dpartycell.root="${repo_root}" \
    -cp "infra/local-stack/target/local-stack-0.1.0-SNAPSHOT.jar:infra/local-stack/target/lib/*" \
    vn.partycell.localstack.LocalStack --no-seed > "${data}/launcher.log" 2>&1 &
launcher_pid=$!

gateway="http://localhost:$((8080 + offset))"
for _ in $(seq 1 360); do
  if [[ -f "${data}/dev-tokens.json" ]] && curl -sf "${gateway}/actuator/health" > /dev/null 2>&1; then break; fi
  if ! kill -0 "${launcher_pid}" 2>/dev/null; then echo "The stack failed to start:"; tail -40 "${data}/launcher.log"; exit 1; fi
  sleep 1
done
curl -sf "${gateway}/actuator/health" > /dev/null || { echo "Stack not ready:"; tail -40 "${data}/launcher.log"; exit 1; }
echo "Stack ready at ${gateway}."

bench_cp="infra/benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:infra/benchmarks/target/lib/*"
if [[ "${mode}" == "compliance" ]]; then
  java -Dbench.gateway="${gateway}" \
    -Dbench.meeting-service="http://localhost:$((8082 + offset))" \
    -Dbench.mongo="mongodb://localhost:$((27017 + offset))" \
    -cp "${bench_cp}" vn.partycell.benchmarks.ComplianceBenchmark
  exit 0
fi
if [[ "${mode}" == "import" ]]; then
  java -Dbench.gateway="${gateway}" \
    -Dbench.member-service="http://localhost:$((8081 + offset))" \
    -Dbench.mongo="mongodb://localhost:$((27017 + offset))" \
    -cp "${bench_cp}" vn.partycell.benchmarks.MemberImportBenchmark
  exit 0
fi
if [[ "${mode}" != "reads" ]]; then
  java -Dbench.gateway="${gateway}" \
    -Dbench.kafka="localhost:$((9092 + offset))" \
    -Dbench.mongo="mongodb://localhost:$((27017 + offset))" \
    -cp "${bench_cp}" vn.partycell.benchmarks.MeetingCloseBenchmark
fi
if [[ "${mode}" != "closes" ]]; then
  java -Dbench.gateway="${gateway}" \
    -Dbench.meeting-service="http://localhost:$((8082 + offset))" \
    -cp "${bench_cp}" vn.partycell.benchmarks.GatewayReadBenchmark
fi
