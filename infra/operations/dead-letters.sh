#!/usr/bin/env bash
# Lists and re-publishes dead letters. Builds the tool once (PARTYCELL_SKIP_BUILD=1 skips the build).
#
#   infra/operations/dead-letters.sh list members.member.v1.meeting-service.dlt
#   infra/operations/dead-letters.sh republish members.member.v1.meeting-service.dlt --offsets 3,7
#   infra/operations/dead-letters.sh republish members.member.v1.meeting-service.dlt --all
#
# Broker and login from the services' variables: KAFKA_BOOTSTRAP (default localhost:9092),
# KAFKA_SECURITY_PROTOCOL (PLAINTEXT), KAFKA_SASL_MECHANISM (SCRAM-SHA-512), KAFKA_USERNAME,
# KAFKA_PASSWORD; or the flags --bootstrap, --security-protocol, --sasl-mechanism, --username, --password.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "${repo_root}"
JAVA_HOME=$(bash .ci/find-jdk)
export JAVA_HOME PATH="${JAVA_HOME}/bin:${PATH}"
jar="infra/operations/target/operations-0.1.0-SNAPSHOT.jar"
if [[ "${PARTYCELL_SKIP_BUILD:-0}" != "1" || ! -f "${jar}" ]]; then
  # -am: the module's test classpath names the platform and the local stack, built in the same reactor.
  ./mvnw -B -q -pl infra/operations -am -DskipTests -Dspotless.check.skip=true package >&2
fi
exec java -cp "${jar}:infra/operations/target/lib/*" vn.partycell.operations.DeadLetters "$@"
