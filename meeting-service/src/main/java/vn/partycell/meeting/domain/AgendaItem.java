package vn.partycell.meeting.domain;

import java.time.Duration;

/**
 * One item of a meeting's agenda (chương trình sinh hoạt): its title, who presents it (người trình
 * bày: a member on the cell's roster, or nobody named) and how long it is planned to take (or not
 * said). The former agenda, a list of titles, is a list of items with only their title.
 */
public record AgendaItem(String title, MemberId presenter, Duration plannedDuration) {

    public AgendaItem {
        title = title == null ? "" : title.strip();
        if (plannedDuration != null && (plannedDuration.isNegative() || plannedDuration.isZero())) {
            throw new IllegalArgumentException("plannedDuration must be positive");
        }
    }

    public static AgendaItem titled(String title) {
        return new AgendaItem(title, null, null);
    }

    public boolean hasTitle() {
        return !title.isEmpty();
    }
}
