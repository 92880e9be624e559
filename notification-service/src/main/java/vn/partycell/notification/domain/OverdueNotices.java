package vn.partycell.notification.domain;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The overdue notice (rule 3.6): to the cell's secretary and to the secretary of the committee above it. */
public final class OverdueNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private OverdueNotices() {}

    /** One notice per distinct recipient (one person may hold both roles). */
    public static List<Notice> notices(CellMeetingOverdue o, List<MemberId> recipients, Occurrence occurrence) {
        Set<MemberId> distinct = new LinkedHashSet<>(recipients);
        List<Notice> notices = new ArrayList<>();
        for (MemberId recipient : distinct) {
            notices.add(new Notice(
                    null,
                    recipient,
                    o.factKey(),
                    NoticeKind.CELL_MEETING_OVERDUE,
                    title(o),
                    body(o),
                    occurrence.at(),
                    null,
                    null,
                    o.orgPath(),
                    occurrence.eventId()));
        }
        return notices;
    }

    static String title(CellMeetingOverdue o) {
        return o.cellName() + " chưa tổ chức " + o.kind().label() + " kỳ " + o.period();
    }

    static String body(CellMeetingOverdue o) {
        return o.cellName() + " không có buổi " + o.kind().label() + " nào được kết thúc trong kỳ "
                + o.period() + " (từ " + DAY.format(o.periodStart()) + " đến " + DAY.format(o.periodEnd())
                + "). Đề nghị chi bộ tổ chức sinh hoạt và báo cáo cấp ủy cấp trên.";
    }
}
