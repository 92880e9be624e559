package vn.partycell.platform.observability;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/** Readiness needs the broker: a service that cannot publish or consume should not take traffic. */
public class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final KafkaAdmin admin;

    public KafkaHealthIndicator(KafkaAdmin admin) {
        super("Kafka health check failed");
        this.admin = admin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            DescribeClusterResult cluster = client.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
            String clusterId = cluster.clusterId().get(3, TimeUnit.SECONDS);
            int nodes = cluster.nodes().get(3, TimeUnit.SECONDS).size();
            builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
        }
    }
}
