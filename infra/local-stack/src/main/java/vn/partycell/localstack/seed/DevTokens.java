package vn.partycell.localstack.seed;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.partycell.localstack.LaunchException;

/**
 * The gateway's dev tokens, as served by {@code GET /dev/tokens} in the local profile:
 * {@code {"<username>": "<jwt>", ...}}, the built-in {@code admin} first.
 */
public record DevTokens(Map<String, String> byUsername, JsonNode raw) {

    public static DevTokens fetch(GatewayApi api) {
        return parse(api.get("/dev/tokens", null));
    }

    public static DevTokens parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new LaunchException("/dev/tokens did not return a JSON object {username: token}: " + body);
        }
        Map<String, String> tokens = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            if (!entry.getValue().isString()) {
                throw new LaunchException("/dev/tokens: the value of '" + entry.getKey() + "' is not a token");
            }
            tokens.put(entry.getKey(), entry.getValue().stringValue());
        }
        return new DevTokens(Collections.unmodifiableMap(tokens), body);
    }

    public String token(String username) {
        return byUsername.get(username);
    }

    /**
     * The token of a user granted {@code admin} on "/" (the whole tree), which may create the
     * province; found by reading the tokens' {@code grants} claims.
     */
    public String adminToken(JsonMapper json) {
        for (String token : byUsername.values()) {
            for (JsonNode grant : claims(token, json).path("grants")) {
                if ("/".equals(grant.path("org").asString())
                        && "admin".equals(grant.path("role").asString())) {
                    return token;
                }
            }
        }
        throw new LaunchException("No user in /dev/tokens is granted admin on \"/\"; "
                + "cannot create the demo province. Users present: " + byUsername.keySet());
    }

    /** The payload of a JWT (not verified: the launcher only reads what the gateway just issued). */
    public static JsonNode claims(String jwt, JsonMapper json) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new LaunchException("Token is not a JWT: " + jwt);
        }
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        return json.readTree(new String(payload, StandardCharsets.UTF_8));
    }
}
