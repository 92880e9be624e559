package vn.partycell.platform.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.platform.events.BackingOffRecords;
import vn.partycell.platform.events.EventMetrics;
import vn.partycell.platform.events.EventRetryProperties;
import vn.partycell.platform.events.InboundContract;
import vn.partycell.platform.events.InboundEvents;
import vn.partycell.platform.events.InboundFailureHandling;
import vn.partycell.platform.kernel.JobLease;
import vn.partycell.platform.observability.KafkaHealthIndicator;
import vn.partycell.platform.observability.MongoPingHealthIndicator;
import vn.partycell.platform.outbox.MongoJobLease;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxLease;
import vn.partycell.platform.outbox.OutboxMetrics;
import vn.partycell.platform.outbox.OutboxParking;
import vn.partycell.platform.outbox.OutboxProperties;
import vn.partycell.platform.outbox.OutboxRelay;
import vn.partycell.platform.outbox.OutboxSignal;
import vn.partycell.platform.outbox.OutboxStore;
import vn.partycell.platform.web.ProblemHandler;

/** Wires the platform into every service: outbox, consumers, metrics, health, problems. */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"
        },
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@EnableConfigurationProperties({OutboxProperties.class, EventRetryProperties.class})
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

    @Bean
    EventMetrics eventMetrics(MeterRegistry registry) {
        return new EventMetrics(registry);
    }

    @Bean
    BackingOffRecords backingOffRecords(Clock clock, EventRetryProperties retry, MeterRegistry registry) {
        // An entry with no attempt for two full backoffs has left this instance (its partition moved).
        BackingOffRecords records =
                new BackingOffRecords(clock, retry.maxInterval().multipliedBy(2).plusMinutes(1));
        Gauge.builder("partycell.events.backing_off", records, BackingOffRecords::count)
                .description("Records whose consumer is backing off after an infrastructure failure")
                .register(registry);
        return records;
    }

    @Bean
    InboundContract inboundContract(JsonMapper json) {
        return new InboundContract(json);
    }

    @Bean
    InboundEvents inboundEvents(
            JsonMapper json, EventMetrics metrics, InboundContract contract, BackingOffRecords backingOff) {
        return new InboundEvents(json, metrics, contract, backingOff);
    }

    /** Retry without end for infrastructure failures, dead letters at once for poison (every binding). */
    @Bean
    InboundFailureHandling inboundFailureHandling(
            KafkaProperties kafka, EventRetryProperties retry, EventMetrics metrics, BackingOffRecords backingOff) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, InboundFailureHandling.DeadLetterSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, InboundFailureHandling.DeadLetterSerializer.class);
        KafkaTemplate<Object, Object> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
        return new InboundFailureHandling(deadLetters, retry, metrics, backingOff);
    }

    @Bean
    OutboundEvents outboundEvents(Environment environment, JsonMapper json, Clock clock) {
        return new OutboundEvents(environment.getRequiredProperty("spring.application.name"), json, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "partycell.outbox.enabled", havingValue = "true", matchIfMissing = true)
    OutboxLease outboxLease(MongoTemplate mongo, OutboxProperties properties, Clock clock) {
        return new OutboxLease(mongo, properties.lease(), clock);
    }

    @Bean
    @ConditionalOnProperty(name = "partycell.outbox.enabled", havingValue = "true", matchIfMissing = true)
    OutboxMetrics outboxMetrics(
            MongoTemplate mongo,
            OutboxProperties properties,
            EventMetrics metrics,
            MeterRegistry registry,
            Clock clock) {
        return new OutboxMetrics(mongo, properties, metrics, registry, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "partycell.outbox.enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, byte[]> kafka,
            OutboxProperties properties,
            OutboxLease lease,
            OutboxMetrics metrics) {
        return new OutboxRelay(mongo, kafka, properties, lease, metrics);
    }

    /** The job leases of scheduled watches and import runs ({@code job_leases}). */
    @Bean
    @ConditionalOnMissingBean(JobLease.class)
    MongoJobLease jobLease(MongoTemplate mongo, Clock clock) {
        return new MongoJobLease(mongo, clock);
    }

    @Bean
    OutboxStore outboxStore(MongoTemplate mongo, ObjectProvider<OutboxSignal> signal) {
        // The store only signals "events written"; it does not know the relay.
        return new OutboxStore(mongo, signal.getIfAvailable(() -> OutboxSignal.NONE));
    }

    @Bean
    OutboxParking outboxParking(MongoTemplate mongo, ObjectProvider<OutboxSignal> signal, Clock clock) {
        return new OutboxParking(mongo, signal.getIfAvailable(() -> OutboxSignal.NONE), clock);
    }

    @Bean(name = "mongoHealthContributor")
    MongoPingHealthIndicator mongoHealthContributor(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }
}
