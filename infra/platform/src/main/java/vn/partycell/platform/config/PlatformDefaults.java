package vn.partycell.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the platform's defaults (Kafka, MongoDB, security, actuator, metrics) as the LAST property
 * sources, so every service shares them and may still override any of them in its own YAML. The
 * {@code local} profile's defaults (the dev issuer) come before the general ones, and only then.
 * Runs after Boot's config data processing, so the active profiles are known.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.matchesProfiles("local")) {
            load(environment, "partycell-platform-local");
        }
        load(environment, "partycell-platform-defaults");
    }

    private static void load(ConfigurableEnvironment environment, String name) {
        try {
            for (PropertySource<?> source :
                    new YamlPropertySourceLoader().load(name, new ClassPathResource(name + ".yml"))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
