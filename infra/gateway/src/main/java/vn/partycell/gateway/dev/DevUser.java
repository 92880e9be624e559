package vn.partycell.gateway.dev;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A user the dev issuer signs tokens for.
 *
 * @param username the {@code sub} claim
 * @param displayName the {@code name} claim
 * @param memberId the {@code member_id} claim; {@code null} for a pure administrator
 * @param grants the {@code grants} claim
 */
public record DevUser(String username, String displayName, UUID memberId, List<DevGrant> grants) {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

    /** The built-in administrator, granted everything. */
    public static final DevUser ADMIN =
            new DevUser("admin", "Quản trị hệ thống", null, List.of(new DevGrant("/", "admin")));

    public DevUser {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username không hợp lệ: " + username);
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("displayName của " + username + " bị trống");
        }
        grants = grants == null ? List.of() : List.copyOf(grants);
    }
}
