package vn.partycell.notification.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import vn.partycell.platform.kernel.VietnamTime;

/**
 * Instants as people read them: in Asia/Ho_Chi_Minh, the Vietnamese way, for example {@code 19:30
 * thứ Năm, ngày 05/03/2026}. The day names are a fixed table, so no locale data (ICU, CLDR) is
 * needed and the text does not change with the JVM's locale.
 */
public final class VietnameseTime {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<DayOfWeek, String> DAYS = Map.of(
            DayOfWeek.MONDAY, "thứ Hai",
            DayOfWeek.TUESDAY, "thứ Ba",
            DayOfWeek.WEDNESDAY, "thứ Tư",
            DayOfWeek.THURSDAY, "thứ Năm",
            DayOfWeek.FRIDAY, "thứ Sáu",
            DayOfWeek.SATURDAY, "thứ Bảy",
            DayOfWeek.SUNDAY, "Chủ nhật");

    private VietnameseTime() {}

    /** {@code 19:30 thứ Năm, ngày 05/03/2026}. */
    public static String dateTime(Instant instant) {
        ZonedDateTime local = instant.atZone(VietnamTime.ZONE);
        return TIME.format(local) + " " + day(instant);
    }

    /** {@code thứ Năm, ngày 05/03/2026}. */
    public static String day(Instant instant) {
        return day(instant.atZone(VietnamTime.ZONE).toLocalDate());
    }

    /** A local date already in Vietnamese time (a due date): {@code thứ Năm, ngày 31/12/2026}. */
    public static String day(LocalDate date) {
        return DAYS.get(date.getDayOfWeek()) + ", ngày " + DATE.format(date);
    }
}
