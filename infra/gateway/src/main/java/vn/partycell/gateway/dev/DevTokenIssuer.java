package vn.partycell.gateway.dev;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Signs RS256 tokens for dev users with the claims every service reads: {@code iss}, {@code sub}
 * (username), {@code aud}, {@code name}, {@code member_id} (when the user is a member), {@code grants},
 * {@code iat} and {@code exp}.
 */
public class DevTokenIssuer {

    private final DevSigningKey key;
    private final RSASSASigner signer;
    private final String issuer;
    private final List<String> audience;
    private final Duration ttl;
    private final Clock clock;

    public DevTokenIssuer(DevSigningKey key, String issuer, List<String> audience, Duration ttl, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.audience = List.copyOf(audience);
        this.ttl = ttl;
        this.clock = clock;
        try {
            this.signer = new RSASSASigner(key.privateKey());
        } catch (JOSEException unusable) {
            throw new IllegalStateException("The dev issuer key cannot sign", unusable);
        }
    }

    /** A freshly signed token for the user. */
    public IssuedToken issue(DevUser user) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> grants =
                user.grants().stream().map(DevGrant::toClaim).toList();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(user.username())
                .claim("name", user.displayName());
        if (user.memberId() != null) {
            claims.claim("member_id", user.memberId().toString());
        }
        JWTClaimsSet claimsSet = claims.claim("grants", grants)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.keyId())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claimsSet);
        try {
            jwt.sign(signer);
        } catch (JOSEException failure) {
            throw new IllegalStateException("Cannot sign a dev token for " + user.username(), failure);
        }
        return new IssuedToken(user.username(), jwt.serialize(), claimsSet.toJSONObject());
    }

    public String keyId() {
        return key.keyId();
    }

    /**
     * A signed token with its claims as JSON values ({@code iat} and {@code exp} in epoch seconds).
     */
    public record IssuedToken(String username, String token, Map<String, Object> claims) {}
}
