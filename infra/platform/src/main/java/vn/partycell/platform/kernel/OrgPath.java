package vn.partycell.platform.kernel;

import java.util.regex.Pattern;

/**
 * The materialised path of an org node, from the province down: {@code /hy/du-khoi/cb-01/}. Both
 * slashes matter: {@code /hy/b/} must not be a prefix of {@code /hy/bv/}.
 */
public record OrgPath(String value) {

    public static final String CODE_PATTERN = "[a-z0-9][a-z0-9-]{0,31}";
    private static final Pattern PATH = Pattern.compile("^/(" + CODE_PATTERN + "/)*$");
    private static final Pattern CODE = Pattern.compile("^" + CODE_PATTERN + "$");

    public static final OrgPath ROOT = new OrgPath("/");

    public OrgPath {
        if (value == null || !PATH.matcher(value).matches()) {
            throw new IllegalArgumentException("Đường dẫn tổ chức không hợp lệ: " + value);
        }
    }

    public static OrgPath of(String value) {
        return new OrgPath(value);
    }

    public static boolean isValidCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    public OrgPath child(String code) {
        if (!isValidCode(code)) {
            throw new IllegalArgumentException("Mã tổ chức không hợp lệ: " + code);
        }
        return new OrgPath(value + code + "/");
    }

    /** True when this node is {@code other} or one of its ancestors. */
    public boolean covers(OrgPath other) {
        return other.value.startsWith(value);
    }

    public int depth() {
        return (int) value.chars().filter(c -> c == '/').count() - 1;
    }

    @Override
    public String toString() {
        return value;
    }
}
