package vn.partycell.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;
import vn.partycell.platform.kernel.OrgPath;

/** Reads a {@link Caller} from the token's claims: {@code member_id} and {@code grants}. */
public final class JwtCallers {

    public static final String MEMBER_ID = "member_id";
    public static final String GRANTS = "grants";

    private JwtCallers() {}

    public static Caller from(Jwt jwt) {
        Optional<UUID> memberId = Optional.ofNullable(jwt.getClaimAsString(MEMBER_ID))
                .filter(s -> !s.isBlank())
                .map(UUID::fromString);
        List<Grant> grants = new ArrayList<>();
        Object raw = jwt.getClaim(GRANTS);
        if (raw instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map && map.get("org") != null && map.get("role") != null) {
                    grants.add(new Grant(
                            OrgPath.of(String.valueOf(map.get("org"))), Role.parse(String.valueOf(map.get("role")))));
                }
            }
        }
        return new Caller(jwt.getSubject(), memberId, grants);
    }
}
