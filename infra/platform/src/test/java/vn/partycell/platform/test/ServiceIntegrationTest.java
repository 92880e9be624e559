package vn.partycell.platform.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole service on a random port, against a real Kafka broker (embedded KRaft) and the MongoDB
 * wire protocol (mongo-java-server), with tokens signed by {@link TestTokens}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(
        partitions = 3,
        brokerProperties = {"group.initial.rebalance.delay.ms=0", "offsets.topic.num.partitions=3"})
@Import(TestSecurityConfiguration.class)
@ContextConfiguration(initializers = ServiceTestInitializer.class)
public @interface ServiceIntegrationTest {}
