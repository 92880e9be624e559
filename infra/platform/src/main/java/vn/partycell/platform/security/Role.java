package vn.partycell.platform.security;

import java.util.Locale;

/**
 * What a grant lets its holder do on a subtree, weakest first: a member reads; committee members
 * (chi ủy viên) and secretaries (bí thư) run their cell; superiors (cấp ủy cấp trên) and admins
 * act on everything below them.
 */
public enum Role {
    MEMBER,
    COMMITTEE,
    SECRETARY,
    SUPERIOR,
    ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public static Role parse(String value) {
        return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
