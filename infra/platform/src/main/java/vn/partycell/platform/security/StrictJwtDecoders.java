package vn.partycell.platform.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The one way a service decodes tokens: only the configured algorithms, and the issuer, audience,
 * {@code exp} (required) and {@code nbf} checked. Tests use the same checks with their own key set.
 */
public final class StrictJwtDecoders {

    private StrictJwtDecoders() {}

    /** Keys fetched (and cached) from the issuer's JWK set URI. */
    public static JwtDecoder fromJwkSetUri(TokenSettings settings) {
        TokenSettings s = settings.requireComplete();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(s.jwkSetUri())
                .jwsAlgorithms(algorithms -> {
                    algorithms.clear();
                    algorithms.addAll(algorithms(s));
                })
                .build();
        decoder.setJwtValidator(validator(s));
        return remembering(decoder, s);
    }

    /** Keys from a given source (tests: an in-memory key set). */
    public static JwtDecoder fromJwkSource(JWKSource<SecurityContext> keys, TokenSettings settings) {
        TokenSettings s = settings.requireComplete();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
                .jwsAlgorithms(algorithms -> {
                    algorithms.clear();
                    algorithms.addAll(algorithms(s));
                })
                .build();
        decoder.setJwtValidator(validator(s));
        return remembering(decoder, s);
    }

    private static JwtDecoder remembering(JwtDecoder decoder, TokenSettings s) {
        return s.verifiedTokenTtl().isZero()
                ? decoder
                : new VerifiedTokenCache(decoder, validator(s), s.verifiedTokenTtl(), s.verifiedTokenCacheSize());
    }

    static OAuth2TokenValidator<Jwt> validator(TokenSettings s) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(s.clockSkew());
        timestamps.setAllowEmptyExpiryClaim(false);
        List<OAuth2TokenValidator<Jwt>> all = new ArrayList<>();
        all.add(timestamps);
        all.add(new JwtIssuerValidator(s.issuer()));
        all.add(audience(s.audience()));
        return new DelegatingOAuth2TokenValidator<>(all);
    }

    private static OAuth2TokenValidator<Jwt> audience(List<String> accepted) {
        OAuth2Error error = new OAuth2Error("invalid_token", "The token is not meant for this service (aud)", null);
        return jwt -> {
            List<String> aud = jwt.getAudience();
            return aud != null && aud.stream().anyMatch(accepted::contains)
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(error);
        };
    }

    private static List<SignatureAlgorithm> algorithms(TokenSettings s) {
        return s.algorithms().stream()
                .map(name -> {
                    SignatureAlgorithm algorithm = SignatureAlgorithm.from(name.trim());
                    if (algorithm == null) {
                        throw new IllegalStateException("partycell.security.algorithms: unknown JWS algorithm " + name);
                    }
                    return algorithm;
                })
                .toList();
    }
}
