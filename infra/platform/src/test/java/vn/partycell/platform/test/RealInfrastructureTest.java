package vn.partycell.platform.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same scenarios as {@link ServiceIntegrationTest}, against a real MongoDB (a replica set, as in
 * production) and a real Apache Kafka image through Testcontainers. Without a Docker engine the
 * class is skipped, not failed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestSecurityConfiguration.class)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
public @interface RealInfrastructureTest {}
