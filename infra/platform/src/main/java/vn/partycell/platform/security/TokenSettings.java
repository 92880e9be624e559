package vn.partycell.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a token must satisfy ({@code partycell.security.*}): signed with one of {@code algorithms}
 * by a key of {@code jwkSetUri}, issued by {@code issuer}, meant for one of {@code audience}, with an
 * {@code exp}; {@code exp} and {@code nbf} are checked with {@code clockSkew} of tolerance. A token
 * whose signature was verified is remembered for {@code verifiedTokenTtl} (zero: never) among at most
 * {@code verifiedTokenCacheSize} tokens, its claims still checked on every request.
 */
@ConfigurationProperties("partycell.security")
public record TokenSettings(
        String jwkSetUri,
        String issuer,
        @DefaultValue("partycell") List<String> audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("RS256") List<String> algorithms,
        @DefaultValue("5m") Duration verifiedTokenTtl,
        @DefaultValue("10000") int verifiedTokenCacheSize) {

    public TokenSettings {
        jwkSetUri = blankToNull(jwkSetUri);
        issuer = blankToNull(issuer);
        audience = audience == null
                ? List.of()
                : audience.stream().filter(a -> !a.isBlank()).toList();
        algorithms = algorithms == null ? List.of() : List.copyOf(algorithms);
        verifiedTokenTtl = verifiedTokenTtl == null ? Duration.ZERO : verifiedTokenTtl;
    }

    /** Refuses to start with settings that would accept tokens nobody vouched for. */
    public TokenSettings requireComplete() {
        StringBuilder missing = new StringBuilder();
        if (jwkSetUri == null) {
            missing.append(" partycell.security.jwk-set-uri (JWT_JWK_SET_URI)");
        }
        if (issuer == null) {
            missing.append(" partycell.security.issuer (JWT_ISSUER)");
        }
        if (audience.isEmpty()) {
            missing.append(" partycell.security.audience (JWT_AUDIENCE)");
        }
        if (algorithms.isEmpty()) {
            missing.append(" partycell.security.algorithms");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Token validation is not configured; set" + missing
                    + " (only the 'local' profile has defaults pointing at the dev issuer)");
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalStateException("partycell.security.clock-skew must be between 0 and 5 minutes");
        }
        if (verifiedTokenTtl.isNegative() || verifiedTokenTtl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalStateException("partycell.security.verified-token-ttl must be between 0 and 1 hour");
        }
        if (verifiedTokenCacheSize < 1 || verifiedTokenCacheSize > 1_000_000) {
            throw new IllegalStateException(
                    "partycell.security.verified-token-cache-size must be between 1 and 1,000,000");
        }
        return this;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
