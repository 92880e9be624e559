package vn.partycell.platform.kernel;

/** The optimistic check behind If-Match: a change made on a stale read is refused (409). */
public final class Versions {

    private Versions() {}

    /** Passes when no version was given or it is the current one. */
    public static void requireCurrent(Long expected, long current, String what) {
        if (expected != null && expected != current) {
            throw new ConflictException(
                    "stale-version",
                    what + " đã được thay đổi (phiên bản " + current + "); hãy tải lại rồi thử lần nữa");
        }
    }
}
