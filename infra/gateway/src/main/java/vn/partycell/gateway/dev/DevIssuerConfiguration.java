package vn.partycell.gateway.dev;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dev token issuer, for the local stack only: in any run without the {@code local} profile
 * (production) none of these beans exist, no key is loaded or created, and /dev/** is not served.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
@EnableConfigurationProperties(DevIssuerProperties.class)
public class DevIssuerConfiguration {

    @Bean
    DevSigningKey devSigningKey(DevIssuerProperties properties) {
        return DevSigningKey.loadOrCreate(properties.keyFile());
    }

    @Bean
    DevTokenIssuer devTokenIssuer(DevSigningKey devSigningKey, DevIssuerProperties properties) {
        return new DevTokenIssuer(
                devSigningKey, properties.issuer(), properties.audience(), properties.tokenTtl(), Clock.systemUTC());
    }

    @Bean
    DevUserDirectory devUserDirectory(DevIssuerProperties properties, JsonMapper jsonMapper) {
        return new DevUserDirectory(properties.usersFile(), jsonMapper);
    }
}
