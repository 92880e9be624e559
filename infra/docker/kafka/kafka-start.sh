#!/usr/bin/env bash
# Starts the compose's Kafka broker (KRaft, broker and controller in one process) with
# SASL/SCRAM-SHA-512 required on every listener a client uses and ACLs enforced.
#  - SASL_PLAINTEXT :9092     services and tools inside the compose network
#  - EXTERNAL       :29092    SASL_PLAINTEXT too, for tools on the host; published only with the
#                             `external-kafka` profile (see docker-compose.yml)
#  - CONTROLLER     localhost:9093, PLAINTEXT: only this process talks to its controller, as
#                   ANONYMOUS (SCRAM is not available on a KRaft controller listener), so it is bound
#                   to the container's loopback and never reachable from another container.
# The super user (KAFKA_ADMIN_USERNAME/PASSWORD) is written into the storage at format time: KRaft
# keeps SCRAM credentials in the metadata log, so the first user cannot be created through the broker.
set -euo pipefail
: "${KAFKA_ADMIN_USERNAME:?set in infra/docker/secrets.env}"
: "${KAFKA_ADMIN_PASSWORD:?set in infra/docker/secrets.env}"
: "${CLUSTER_ID:?}"
config=/tmp/server.properties
jaas() { printf 'org.apache.kafka.common.security.scram.ScramLoginModule required username="%s" password="%s";' "$1" "$2"; }
cat > "${config}" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:9093
controller.listener.names=CONTROLLER
listeners=SASL_PLAINTEXT://:9092,EXTERNAL://:29092,CONTROLLER://localhost:9093
advertised.listeners=SASL_PLAINTEXT://kafka:9092,EXTERNAL://localhost:29092
listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,EXTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=$(jaas "${KAFKA_ADMIN_USERNAME}" "${KAFKA_ADMIN_PASSWORD}")
listener.name.external.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:${KAFKA_ADMIN_USERNAME};User:ANONYMOUS
allow.everyone.if.no.acl.found=false
auto.create.topics.enable=false
num.partitions=3
log.dirs=/var/lib/kafka/data
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
# The healthcheck's and kafka-init's login as the super user.
cat > /tmp/admin.properties <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=$(jaas "${KAFKA_ADMIN_USERNAME}" "${KAFKA_ADMIN_PASSWORD}")
PROPS
chmod 600 "${config}" /tmp/admin.properties
/opt/kafka/bin/kafka-storage.sh format --ignore-formatted -t "${CLUSTER_ID}" -c "${config}" \
  --add-scram "SCRAM-SHA-512=[name=${KAFKA_ADMIN_USERNAME},password=${KAFKA_ADMIN_PASSWORD}]"
exec /opt/kafka/bin/kafka-server-start.sh "${config}"
