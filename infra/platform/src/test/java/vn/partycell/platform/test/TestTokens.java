package vn.partycell.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
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
import vn.partycell.platform.security.StrictJwtDecoders;
import vn.partycell.platform.security.TokenSettings;

/**
 * Signs real RS256 tokens for tests, with the claims production tokens carry ({@code iss},
 * {@code aud}, {@code exp}, {@code member_id}, {@code grants}); services verify them with the
 * platform's own checks ({@link StrictJwtDecoders}) against {@link #keys()}, as they would a real
 * issuer's. The builder can also make every kind of bad token (foreign issuer, wrong audience, no
 * exp, not yet valid, alg none, HS256, a key not in the set).
 */
public final class TestTokens {

    public static final String ISSUER = "https://test-issuer.invalid";
    public static final String AUDIENCE = "partycell";
    /** Any URI: the tests' decoder reads {@link #keys()} instead of fetching it. */
    public static final String JWK_SET_URI = "https://test-issuer.invalid/jwks";

    private static final KeyPair KEYS = generate();
    private static final String KEY_ID = "test";

    private TestTokens() {}

    /** The issuer's key set: only the public half of the test key. */
    public static JWKSource<SecurityContext> keys() {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) KEYS.getPublic())
                .keyID(KEY_ID)
                .keyUse(KeyUse.SIGNATURE)
                .build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /** The platform's strict decoder over {@link #keys()}, with the given settings. */
    public static JwtDecoder decoder(TokenSettings settings) {
        return StrictJwtDecoders.fromJwkSource(keys(), settings);
    }

    /** The platform's strict decoder with the settings the tests' services run with. */
    public static JwtDecoder decoder() {
        return decoder(settings());
    }

    public static TokenSettings settings() {
        return new TokenSettings(
                JWK_SET_URI,
                ISSUER,
                List.of(AUDIENCE),
                java.time.Duration.ofSeconds(30),
                List.of("RS256"),
                java.time.Duration.ofMinutes(5),
                10_000);
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
        private Instant notBefore;
        private String issuer = ISSUER;
        private List<String> audience = List.of(AUDIENCE);
        private Signing signing = Signing.TEST_KEY;

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

        public Builder withoutExpiry() {
            this.expiresAt = null;
            return this;
        }

        public Builder notBefore(Instant instant) {
            this.notBefore = instant;
            return this;
        }

        /** {@code null} leaves the claim out. */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** No argument leaves the claim out. */
        public Builder audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        public Builder signing(Signing signing) {
            this.signing = signing;
            return this;
        }

        public String token() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .subject(username)
                    // An expired token was issued before it expired (Spring refuses iat after exp).
                    .issueTime(Date.from(
                            expiresAt != null && expiresAt.isBefore(Instant.now())
                                    ? expiresAt.minusSeconds(3600)
                                    : Instant.now()))
                    .claim("name", username)
                    .claim("grants", grants);
            if (issuer != null) {
                claims.issuer(issuer);
            }
            if (!audience.isEmpty()) {
                claims.audience(audience);
            }
            if (expiresAt != null) {
                claims.expirationTime(Date.from(expiresAt));
            }
            if (notBefore != null) {
                claims.notBeforeTime(Date.from(notBefore));
            }
            if (memberId != null) {
                claims.claim("member_id", memberId.toString());
            }
            try {
                return switch (signing) {
                    case TEST_KEY -> signed(JWSAlgorithm.RS256, KEY_ID, new RSASSASigner(KEYS.getPrivate()), claims);
                    case KEY_NOT_IN_SET ->
                        signed(JWSAlgorithm.RS256, KEY_ID, new RSASSASigner(OTHER_KEYS.getPrivate()), claims);
                    case HS256 -> signed(JWSAlgorithm.HS256, KEY_ID, new MACSigner(new byte[32]), claims);
                    case NONE -> new PlainJWT(claims.build()).serialize();
                };
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String signed(
                JWSAlgorithm algorithm, String keyId, JWSSigner signer, JWTClaimsSet.Builder claims)
                throws JOSEException {
            SignedJWT jwt =
                    new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claims.build());
            jwt.sign(signer);
            return jwt.serialize();
        }

        public String bearer() {
            return "Bearer " + token();
        }
    }

    /** How a token is signed: by the test issuer's key, or in one of the ways a service must refuse. */
    public enum Signing {
        TEST_KEY,
        /** RS256 under the same key id, but by a key the issuer never published. */
        KEY_NOT_IN_SET,
        /** HMAC with a guessable secret: an algorithm the services do not accept. */
        HS256,
        /** {@code alg: none}, no signature at all. */
        NONE
    }

    private static final KeyPair OTHER_KEYS = generate();

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
