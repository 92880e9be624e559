package vn.partycell.platform.kernel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one time zone people of the province live in (Asia/Ho_Chi_Minh). Instants travel in UTC; a
 * meeting's month, a rating year and every time a person reads are taken in this zone.
 */
public final class VietnamTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {}

    public static LocalDate date(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    public static int year(Instant instant) {
        return date(instant).getYear();
    }
}
