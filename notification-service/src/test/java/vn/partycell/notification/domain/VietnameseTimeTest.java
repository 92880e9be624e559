package vn.partycell.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class VietnameseTimeTest {

    @Test
    void showsTheTimeInHoChiMinhCityWithTheVietnameseDayName() {
        assertThat(VietnameseTime.dateTime(Instant.parse("2026-03-05T12:30:00Z")))
                .isEqualTo("19:30 thứ Năm, ngày 05/03/2026");
    }

    @Test
    void aLateEveningInUtcIsTheNextMorningAndTheNextMonthLocally() {
        assertThat(VietnameseTime.dateTime(Instant.parse("2026-02-28T18:30:00Z")))
                .isEqualTo("01:30 Chủ nhật, ngày 01/03/2026");
        assertThat(VietnameseTime.day(Instant.parse("2026-02-28T18:30:00Z"))).isEqualTo("Chủ nhật, ngày 01/03/2026");
    }

    @Test
    void namesEveryDayOfTheWeek() {
        // Monday 2 March 2026 to Sunday 8 March 2026, 08:00 local time.
        String[] expected = {"thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"};
        for (int i = 0; i < 7; i++) {
            Instant at = Instant.parse("2026-03-02T01:00:00Z").plusSeconds(86_400L * i);
            assertThat(VietnameseTime.dateTime(at))
                    .isEqualTo("08:00 " + expected[i] + ", ngày " + "%02d".formatted(2 + i) + "/03/2026");
        }
    }

    @Test
    void doesNotDependOnTheJvmsLocaleOrZone() {
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.US);
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            assertThat(VietnameseTime.dateTime(Instant.parse("2026-03-05T12:30:00Z")))
                    .isEqualTo("19:30 thứ Năm, ngày 05/03/2026");
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }
}
