package vn.partycell.platform.web;

/**
 * Versions as HTTP validators: the ETag of a record is its version, and an {@code If-Match} header
 * names the version the client read, so a write on a stale copy is refused instead of overwriting.
 */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names; null when there is none. */
    public static Long ifMatch(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Long.parseLong(header.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("If-Match không hợp lệ: " + header);
        }
    }
}
