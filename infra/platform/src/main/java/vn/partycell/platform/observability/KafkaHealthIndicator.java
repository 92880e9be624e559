package vn.partycell.platform.observability;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Whether the broker answers, shown as the {@code kafka} component of {@code /actuator/health}. It is
 * NOT part of readiness: with the broker down a service still serves reads and accepts writes (the
 * outbox keeps the events until Kafka is back), so taking it out of traffic would turn a broker
 * outage into a full outage. {@link KafkaReachability} turns it into a metric for alerting. One admin
 * client serves every probe (a new one per probe would cost a connection and a log page each).
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final KafkaAdmin admin;
    private AdminClient client;

    public KafkaHealthIndicator(KafkaAdmin admin) {
        super("Kafka health check failed");
        this.admin = admin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        try {
            DescribeClusterResult cluster = client().describeCluster(new DescribeClusterOptions().timeoutMs(3000));
            String clusterId = cluster.clusterId().get(3, TimeUnit.SECONDS);
            int nodes = cluster.nodes().get(3, TimeUnit.SECONDS).size();
            builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
        } catch (ExecutionException | TimeoutException e) {
            // DOWN without the superclass's stack trace on every probe: KafkaReachability logs the change once.
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            builder.down().withDetail("error", cause.getClass().getName() + ": " + cause.getMessage());
        }
    }

    private synchronized AdminClient client() {
        if (client == null) {
            client = AdminClient.create(admin.getConfigurationProperties());
        }
        return client;
    }

    @Override
    public synchronized void destroy() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
