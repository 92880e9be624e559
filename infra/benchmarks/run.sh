#!/usr/bin/env bash
# The meeting-close benchmark, one command:
#
#   infra/benchmarks/run.sh            # defaults: 10 cells x 30 members, 60 closes at 4/s
#   BENCH_RATE=8 BENCH_CELLS=20 BENCH_MEETINGS_PER_CELL=5 infra/benchmarks/run.sh
#
# Builds the jars (skip with PARTYCELL_SKIP_BUILD=1), starts a private copy of the local stack
# (real Kafka broker, H2-backed MongoDB-wire store, four services, gateway) on ports moved by
# PARTYCELL_PORT_OFFSET (default 5000) with a throwaway data directory, runs the load and the two
# baselines against that same broker and store, prints the results, and stops the stack.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "${repo_root}"
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
PARTYCELL_DATA_DIR="${data}" PARTYCELL_PORT_OFFSET="${offset}" \
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

java -Dbench.gateway="${gateway}" \
  -Dbench.kafka="localhost:$((9092 + offset))" \
  -Dbench.mongo="mongodb://localhost:$((27017 + offset))" \
  -cp "infra/benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:infra/benchmarks/target/lib/*" \
  vn.partycell.benchmarks.MeetingCloseBenchmark
