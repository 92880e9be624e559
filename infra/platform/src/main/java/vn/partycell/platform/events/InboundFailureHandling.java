package vn.partycell.platform.events;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.util.StringUtils;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import vn.partycell.contracts.EventContracts;
import vn.partycell.platform.kernel.InvalidInputException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * How every consumer binding fails. Poison (the event itself can never be applied: not a
 * CloudEvent, unreadable, breaks its contract, comes from the wrong producer, breaks a rule or
 * refers to nothing) goes at once to {@code <topic>.<group>.dlt}; any other failure is taken for
 * the infrastructure's (store unreachable, timeouts) and retried without end with capped
 * exponential backoff, seeking back so the partition does not move on and nothing is lost.
 *
 * <p>The binder's own retry and dead-lettering are switched off ({@link #retryAndDlqInBinding});
 * a spring-kafka {@link DefaultErrorHandler} with a {@link DeadLetterPublishingRecoverer} does both.
 * Bindings must keep {@code max-attempts} above 1: with 1 the binder would route failures to its
 * own error channel instead.
 */
public class InboundFailureHandling implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    /** Failures that no retry can heal; everything else is retried. */
    public static final List<Class<? extends Exception>> POISON = List.of(
            PoisonEventException.class,
            RuleViolationException.class,
            NotFoundException.class,
            InvalidInputException.class,
            DeserializationException.class,
            MessageConversionException.class);

    /** Dead-letter header names, as the contracts document them and operator tools read them. */
    public static final String ORIGINAL_TOPIC = "x-original-topic";

    public static final String ORIGINAL_PARTITION = "x-original-partition";
    public static final String ORIGINAL_OFFSET = "x-original-offset";
    public static final String ORIGINAL_TIMESTAMP = "x-original-timestamp";
    public static final String ORIGINAL_TIMESTAMP_TYPE = "x-original-timestamp-type";
    public static final String ORIGINAL_CONSUMER_GROUP = "x-original-consumer-group";
    public static final String EXCEPTION_FQCN = "x-exception-fqcn";
    public static final String EXCEPTION_CAUSE_FQCN = "x-exception-cause-fqcn";
    public static final String EXCEPTION_MESSAGE = "x-exception-message";
    public static final String EXCEPTION_STACKTRACE = "x-exception-stacktrace";

    private static final Logger log = LoggerFactory.getLogger(InboundFailureHandling.class);

    private final KafkaOperations<Object, Object> deadLetters;
    private final EventRetryProperties retry;
    private final EventMetrics metrics;
    private final BackingOffRecords backingOff;

    public InboundFailureHandling(
            KafkaOperations<Object, Object> deadLetters,
            EventRetryProperties retry,
            EventMetrics metrics,
            BackingOffRecords backingOff) {
        this.deadLetters = deadLetters;
        this.retry = retry;
        this.metrics = metrics;
        this.backingOff = backingOff;
    }

    /** Closes the dead-letter producer with the context. */
    @Override
    public void destroy() throws Exception {
        if (deadLetters instanceof KafkaTemplate<?, ?> template
                && template.getProducerFactory() instanceof DisposableBean factory) {
            factory.destroy();
        }
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(
            AbstractMessageListenerContainer<?, ?> container,
            String destinationName,
            String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
            BackOff backOff) {
        configure(container, destinationName, group, dlqDestinationResolver, backOff, null);
    }

    @Override
    public void configure(
            AbstractMessageListenerContainer<?, ?> container,
            String destinationName,
            String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
            BackOff backOff,
            ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        if (properties != null && properties.getMaxAttempts() < 2) {
            throw new IllegalStateException("Binding of " + destinationName + " for group " + group
                    + " sets max-attempts below 2, which hands failures back to the binder; the platform"
                    + " retries by partycell.events.retry.* instead, leave max-attempts at its default");
        }
        container.setCommonErrorHandler(errorHandler(deadLetterTopic(destinationName, group, properties), group));
    }

    DefaultErrorHandler errorHandler(String deadLetterTopic, String group) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                deadLetters,
                // Partition 0 exists however the dead-letter topic was created.
                (record, exception) -> new TopicPartition(deadLetterTopic, 0));
        recoverer.setHeaderNamesSupplier(InboundFailureHandling::headerNames);
        recoverer.setExceptionHeadersCreator(InboundFailureHandling::exceptionHeaders);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff());
        Map<Class<? extends Throwable>, Boolean> classes = new HashMap<>();
        POISON.forEach(type -> classes.put(type, false));
        handler.setClassifications(classes, true);
        // Each step is logged below, with what an operator needs; the handler's own log would repeat it.
        handler.setLogLevel(KafkaException.Level.DEBUG);
        handler.setRetryListeners(new Listener(group));
        return handler;
    }

    private BackOff backOff() {
        ExponentialBackOff backOff =
                new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }

    private static String deadLetterTopic(
            String topic, String group, ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        if (properties != null
                && properties.getExtension().isEnableDlq()
                && StringUtils.hasText(properties.getExtension().getDlqName())) {
            return properties.getExtension().getDlqName();
        }
        return EventContracts.deadLetterTopic(topic, group);
    }

    /** Whether a failure is poison: the record goes to the dead-letter topic without a retry. */
    public static boolean isPoison(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Throwable current = t;
            if (POISON.stream().anyMatch(type -> type.isInstance(current))) {
                return true;
            }
        }
        return false;
    }

    /** The failure without the listener and messaging wrappers around it: what the handler threw. */
    static Throwable reason(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null
                && t.getCause() != t
                && (t instanceof ListenerExecutionFailedException
                        || (t instanceof MessagingException && !(t instanceof MessageConversionException))
                        || t instanceof CompletionException
                        || t instanceof InvocationTargetException
                        || t instanceof UndeclaredThrowableException)) {
            t = t.getCause();
        }
        return t;
    }

    private static HeaderNames headerNames() {
        return HeaderNames.Builder.original()
                .offsetHeader(ORIGINAL_OFFSET)
                .timestampHeader(ORIGINAL_TIMESTAMP)
                .timestampTypeHeader(ORIGINAL_TIMESTAMP_TYPE)
                .topicHeader(ORIGINAL_TOPIC)
                .partitionHeader(ORIGINAL_PARTITION)
                .consumerGroupHeader(ORIGINAL_CONSUMER_GROUP)
                .exception()
                .keyExceptionFqcn("x-key-exception-fqcn")
                .exceptionFqcn(EXCEPTION_FQCN)
                .exceptionCauseFqcn(EXCEPTION_CAUSE_FQCN)
                .keyExceptionMessage("x-key-exception-message")
                .exceptionMessage(EXCEPTION_MESSAGE)
                .keyExceptionStacktrace("x-key-exception-stacktrace")
                .exceptionStacktrace(EXCEPTION_STACKTRACE)
                .build();
    }

    /** The reason is the handler's exception, not the listener wrapper spring-kafka puts around it. */
    private static void exceptionHeaders(Headers headers, Exception exception, boolean isKey, HeaderNames names) {
        Throwable reason = reason(exception);
        Throwable root = reason;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = reason.getMessage() == null ? reason.toString() : reason.getMessage();
        StringWriter trace = new StringWriter();
        exception.printStackTrace(new PrintWriter(trace, true));
        replace(
                headers,
                names.getExceptionInfo().getExceptionFqcn(),
                reason.getClass().getName());
        replace(
                headers,
                names.getExceptionInfo().getExceptionCauseFqcn(),
                root.getClass().getName());
        replace(headers, names.getExceptionInfo().getExceptionMessage(), message);
        replace(headers, names.getExceptionInfo().getExceptionStacktrace(), trace.toString());
    }

    private static void replace(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private final class Listener implements RetryListener {

        private final String group;

        Listener(String group) {
            this.group = group;
        }

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception exception, int attempt) {
            if (isPoison(exception)) {
                // Not retried: spring-kafka reports it here once before it is dead-lettered.
                return;
            }
            Throwable reason = reason(exception);
            Duration next = retry.delayAfter(attempt);
            metrics.retried(record.topic(), group, reason.getClass().getSimpleName());
            backingOff.failed(group, record.topic(), record.partition(), record.offset(), attempt);
            log.warn(
                    "Consumer group {} could not apply {}-{}@{} (attempt {}), retrying in {} ms: {}",
                    group,
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    attempt,
                    next.toMillis(),
                    reason.toString());
        }

        @Override
        public void recovered(ConsumerRecord<?, ?> record, Exception exception) {
            backingOff.deadLettered(group, record.topic(), record.partition());
            metrics.deadLettered(record.topic(), group);
            log.warn(
                    "Consumer group {} dead-lettered {}-{}@{}: {}",
                    group,
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    reason(exception).toString());
        }

        @Override
        public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
            log.error(
                    "Consumer group {} could not dead-letter {}-{}@{}, it stays in place and is tried again: {}",
                    group,
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    failure.toString());
        }
    }

    /** Writes dead-letter keys and values as they were received: bytes as they are, text as UTF-8. */
    public static class DeadLetterSerializer implements Serializer<Object> {

        @Override
        public byte[] serialize(String topic, Object data) {
            if (data == null || data instanceof byte[]) {
                return (byte[]) data;
            }
            return data.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
