package vn.partycell.platform.outbox;

import java.util.Optional;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Tells a record the broker will never accept from a failure that heals. Only errors about the
 * record itself park it; producer, authorisation and broker state errors (fenced, out of order,
 * not authorised, timeouts, broker down) are retried, because parking would move healthy events
 * aside while an operator fixes configuration.
 */
final class OutboxRejections {

    private OutboxRejections() {}

    /** The reason to park, or empty when the failure may heal and the event must stay. */
    static Optional<String> permanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RetriableException) {
                return Optional.empty();
            }
            if (t instanceof RecordTooLargeException
                    || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidTopicException
                    || t instanceof InvalidRecordException
                    || t instanceof SerializationException) {
                return Optional.of(t.getClass().getSimpleName() + ": " + t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
