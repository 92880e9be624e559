package vn.partycell.platform.test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import vn.partycell.platform.security.TokenSettings;

/**
 * Verifies tokens against {@link TestTokens}' key set instead of fetching a JWKS, with the
 * service's own configured checks (issuer, audience, exp, algorithms).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurityConfiguration {

    @Bean
    JwtDecoder jwtDecoder(TokenSettings settings) {
        return TestTokens.decoder(settings);
    }
}
