package vn.partycell.gateway.dev;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** One grant of a token: a role on an org node (org path) and everything below it. */
public record DevGrant(String org, String role) {

    static final Set<String> ROLES = Set.of("member", "secretary", "committee", "superior", "admin");

    /** "/" (everything) or a materialised path of codes with leading and trailing slash. */
    private static final Pattern ORG_PATH = Pattern.compile("/|(/[a-z0-9][a-z0-9-]{0,31})+/");

    public DevGrant {
        if (org == null || !ORG_PATH.matcher(org).matches()) {
            throw new IllegalArgumentException("org không phải đường dẫn tổ chức hợp lệ: " + org);
        }
        if (role == null || !ROLES.contains(role)) {
            throw new IllegalArgumentException("role không hợp lệ: " + role + " (cho phép: " + ROLES + ")");
        }
    }

    /** The grant as it appears in the {@code grants} claim. */
    Map<String, Object> toClaim() {
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("org", org);
        claim.put("role", role);
        return claim;
    }
}
