package vn.partycell.platform.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;

/**
 * The binder calls this for every record it dead-letters, which makes it the one place that sees
 * each dead letter: count it, then keep the binder's choice of partition 0 of the DLT.
 */
public class DeadLetterCounter implements DlqPartitionFunction {

    private final EventMetrics metrics;

    public DeadLetterCounter(EventMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Integer apply(String group, ConsumerRecord<?, ?> record, Throwable throwable) {
        metrics.deadLettered(record.topic(), group);
        return 0;
    }
}
