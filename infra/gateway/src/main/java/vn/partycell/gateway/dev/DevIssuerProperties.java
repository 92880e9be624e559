package vn.partycell.gateway.dev;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the dev token issuer ({@code partycell.dev.*}), bound only in the {@code local}
 * profile.
 *
 * @param keyFile where the issuer's RSA key pair is kept (created on first start); default
 *     {@code ${user.dir}/.data/dev-issuer-key.json}
 * @param usersFile the demo users the local stack's seeder writes, re-read on every request;
 *     default {@code ${user.dir}/.data/demo-users.json}
 * @param issuer the {@code iss} claim of every token
 * @param tokenTtl how long a token is valid
 * @param audience the {@code aud} claim of every token: the services' {@code partycell.security.audience}
 */
@ConfigurationProperties("partycell.dev")
public record DevIssuerProperties(
        Path keyFile,
        Path usersFile,
        @DefaultValue("http://localhost:8080/dev") String issuer,
        @DefaultValue("30d") Duration tokenTtl,
        @DefaultValue("partycell") List<String> audience) {

    public DevIssuerProperties {
        Path data = Path.of(System.getProperty("user.dir"), ".data");
        keyFile = keyFile != null ? keyFile : data.resolve("dev-issuer-key.json");
        usersFile = usersFile != null ? usersFile : data.resolve("demo-users.json");
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("partycell.dev.token-ttl must be positive");
        }
        audience = List.copyOf(audience);
        if (audience.isEmpty() || audience.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("partycell.dev.audience must name at least one audience");
        }
        if (issuer.isBlank()) {
            throw new IllegalArgumentException("partycell.dev.issuer must not be blank");
        }
    }
}
