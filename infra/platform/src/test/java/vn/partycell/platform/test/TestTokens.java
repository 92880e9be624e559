package vn.partycell.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Signs real RS256 tokens for tests, with the claims production tokens carry ({@code member_id},
 * {@code grants}); services verify them with {@link #decoder()} exactly as they would a real issuer's.
 */
public final class TestTokens {

    private static final KeyPair KEYS = generate();

    private TestTokens() {}

    public static JwtDecoder decoder() {
        return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
    }

    public static Builder user(String username) {
        return new Builder(username);
    }

    /** An administrator of everything (grant on "/"). */
    public static String admin() {
        return user("admin").grant("/", "admin").token();
    }

    public static final class Builder {
        private final String username;
        private UUID memberId;
        private final List<Map<String, String>> grants = new ArrayList<>();
        private Instant expiresAt = Instant.now().plusSeconds(3600);

        private Builder(String username) {
            this.username = username;
        }

        public Builder member(UUID id) {
            this.memberId = id;
            return this;
        }

        public Builder grant(String orgPath, String role) {
            grants.add(Map.of("org", orgPath, "role", role));
            return this;
        }

        public Builder expiresAt(Instant instant) {
            this.expiresAt = instant;
            return this;
        }

        public String token() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer("https://test-issuer.invalid")
                    .subject(username)
                    .issueTime(new Date())
                    .expirationTime(Date.from(expiresAt))
                    .claim("name", username)
                    .claim("grants", grants);
            if (memberId != null) {
                claims.claim("member_id", memberId.toString());
            }
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims.build());
            try {
                jwt.sign(new RSASSASigner(KEYS.getPrivate()));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }

        public String bearer() {
            return "Bearer " + token();
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
