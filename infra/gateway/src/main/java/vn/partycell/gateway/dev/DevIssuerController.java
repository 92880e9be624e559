package vn.partycell.gateway.dev;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partycell.gateway.web.GatewayProblemException;

/**
 * The dev issuer's endpoints (local profile only): the public JWK set the services verify tokens
 * with, and freshly signed tokens for the demo users.
 */
@RestController
@Profile("local")
@RequestMapping(path = "/dev", produces = MediaType.APPLICATION_JSON_VALUE)
public class DevIssuerController {

    private final DevSigningKey signingKey;
    private final DevTokenIssuer issuer;
    private final DevUserDirectory users;

    public DevIssuerController(DevSigningKey signingKey, DevTokenIssuer issuer, DevUserDirectory users) {
        this.signingKey = signingKey;
        this.issuer = issuer;
        this.users = users;
    }

    /** The JWK set, public key only. */
    @GetMapping("/jwks")
    public Map<String, Object> jwks() {
        return signingKey.publicJwkSet().toJSONObject(true);
    }

    /** {@code {"<username>": "<jwt>", ...}}: {@code admin} first, then the users file's users. */
    @GetMapping("/tokens")
    public Map<String, String> tokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (DevUser user : knownUsers()) {
            tokens.put(user.username(), issuer.issue(user).token());
        }
        return tokens;
    }

    /** {@code {"username": ..., "token": ..., "claims": {...}}}; 404 for an unknown user. */
    @GetMapping("/tokens/{username}")
    public DevTokenIssuer.IssuedToken token(@PathVariable String username) {
        return knownUsers().stream()
                .filter(user -> user.username().equals(username))
                .findFirst()
                .map(issuer::issue)
                .orElseThrow(() -> new GatewayProblemException(
                        HttpStatus.NOT_FOUND, "Không có người dùng thử nghiệm '" + username + "'."));
    }

    private List<DevUser> knownUsers() {
        try {
            return users.all();
        } catch (DevUserDirectory.InvalidUsersFileException invalid) {
            throw new GatewayProblemException(HttpStatus.INTERNAL_SERVER_ERROR, invalid.getMessage());
        }
    }
}
