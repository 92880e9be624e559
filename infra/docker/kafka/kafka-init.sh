#!/usr/bin/env bash
# Passwords go into kafka-configs' SCRAM syntax: no commas, square brackets or quotes in them.
# One-shot init container of the compose (same image as the broker, its CLI tools): creates the
# topics, the SCRAM users of the four services and of the operator tool, and exactly the ACLs in
# acls.txt. Idempotent: re-running it changes nothing (topics --if-not-exists, SCRAM upserts, ACL
# adds of existing bindings are no-ops).
set -euo pipefail
: "${KAFKA_ADMIN_USERNAME:?}" "${KAFKA_ADMIN_PASSWORD:?}"
bootstrap="${KAFKA_BOOTSTRAP:-kafka:9092}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin=/opt/kafka/bin
export KAFKA_HEAP_OPTS="-Xmx128m"
admin=/tmp/admin.properties
cat > "${admin}" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${KAFKA_ADMIN_USERNAME}" password="${KAFKA_ADMIN_PASSWORD}";
PROPS
chmod 600 "${admin}"

grep -Ev '^[[:space:]]*(#|$)' "${here}/topics.txt" | while read -r topic; do
  "${bin}/kafka-topics.sh" --bootstrap-server "${bootstrap}" --command-config "${admin}" \
    --create --if-not-exists --topic "${topic}" --partitions 3 --replication-factor 1 < /dev/null
done

user() {  # name, password
  [[ -n "$2" ]] || { echo "no password for $1 (infra/docker/secrets.env)" >&2; exit 1; }
  "${bin}/kafka-configs.sh" --bootstrap-server "${bootstrap}" --command-config "${admin}" \
    --alter --entity-type users --entity-name "$1" --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]"
}
user member-service "${MEMBER_SERVICE_KAFKA_PASSWORD:-}"
user meeting-service "${MEETING_SERVICE_KAFKA_PASSWORD:-}"
user evaluation-service "${EVALUATION_SERVICE_KAFKA_PASSWORD:-}"
user notification-service "${NOTIFICATION_SERVICE_KAFKA_PASSWORD:-}"
user partycell-operator "${OPERATOR_KAFKA_PASSWORD:-}"

grep -Ev '^[[:space:]]*(#|$)' "${here}/acls.txt" | while read -r principal operation resource pattern name; do
  case "${resource}" in
    topic) target=(--topic "${name}") ;;
    group) target=(--group "${name}") ;;
    cluster) target=(--cluster) ;;
    *) echo "acls.txt: unknown resource ${resource}" >&2; exit 1 ;;
  esac
  "${bin}/kafka-acls.sh" --bootstrap-server "${bootstrap}" --command-config "${admin}" --add \
    --allow-principal "User:${principal}" --operation "${operation}" --resource-pattern-type "${pattern}" \
    "${target[@]}" < /dev/null > /dev/null
done
echo "kafka-init: topics, SCRAM users and $(grep -Ecv '^[[:space:]]*(#|$)' "${here}/acls.txt") ACLs in place"
