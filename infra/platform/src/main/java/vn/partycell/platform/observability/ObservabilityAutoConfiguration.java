package vn.partycell.platform.observability;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/** Health as metrics: the broker's reachability as a gauge Prometheus can alert on. */
@AutoConfiguration(afterName = "vn.partycell.platform.config.PlatformAutoConfiguration")
public class ObservabilityAutoConfiguration {

    @Bean
    @ConditionalOnBean(name = "kafkaHealthIndicator")
    KafkaReachability kafkaReachability(
            @Qualifier("kafkaHealthIndicator") KafkaHealthIndicator kafka,
            MeterRegistry registry,
            @Value("${partycell.kafka.health.probe-interval:15s}") Duration interval) {
        return new KafkaReachability(kafka, interval, registry);
    }
}
