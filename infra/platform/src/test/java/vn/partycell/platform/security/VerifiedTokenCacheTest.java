package vn.partycell.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import vn.partycell.platform.test.TestTokens;
import vn.partycell.platform.test.TestTokens.Signing;

class VerifiedTokenCacheTest {

    /** The platform's strict decoder without memory of its own, counting the signature checks. */
    private final AtomicInteger verifications = new AtomicInteger();

    private final JwtDecoder strict = StrictJwtDecoders.fromJwkSource(
            TestTokens.keys(),
            new TokenSettings(
                    TestTokens.JWK_SET_URI,
                    TestTokens.ISSUER,
                    List.of(TestTokens.AUDIENCE),
                    Duration.ofSeconds(30),
                    List.of("RS256"),
                    Duration.ZERO,
                    1));

    private final JwtDecoder counting = token -> {
        verifications.incrementAndGet();
        return strict.decode(token);
    };

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    private final JwtDecoder remembering = new VerifiedTokenCache(counting, timestamps(), Duration.ofMinutes(5), 100);

    @Test
    void aVerifiedTokenIsNotVerifiedAgainOnTheNextRequest() {
        String token = TestTokens.user("dv").grant("/hy/", "member").token();

        Jwt first = remembering.decode(token);
        Jwt second = remembering.decode(token);

        assertThat(second.getSubject()).isEqualTo("dv");
        assertThat(second.getClaims()).isEqualTo(first.getClaims());
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRememberedTokenStopsWorkingWhenItExpires() {
        String token = TestTokens.user("dv")
                .grant("/hy/", "member")
                .expiresAt(now.get().plusSeconds(60))
                .token();
        remembering.decode(token);

        now.set(now.get().plusSeconds(120));

        assertThatThrownBy(() -> remembering.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aRefusedTokenIsNeverRememberedSoEveryAttemptIsCheckedInFull() {
        String forged = TestTokens.user("dv")
                .grant("/", "admin")
                .signing(Signing.KEY_NOT_IN_SET)
                .token();

        assertThatThrownBy(() -> remembering.decode(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> remembering.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void theStrictDecodersRememberByDefaultAndNotWhenTheTtlIsZero() {
        assertThat(StrictJwtDecoders.fromJwkSource(TestTokens.keys(), TestTokens.settings()))
                .isInstanceOf(VerifiedTokenCache.class);
        assertThat(strict).isNotInstanceOf(VerifiedTokenCache.class);
    }

    private JwtTimestampValidator timestamps() {
        JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
        validator.setClock(new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
        return validator;
    }
}
