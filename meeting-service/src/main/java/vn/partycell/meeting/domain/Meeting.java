package vn.partycell.meeting.domain;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;
import vn.partycell.platform.kernel.VietnamTime;

/**
 * A cell meeting (buổi sinh hoạt chi bộ) in one of the states of its life cycle that exist today:
 * {@link ScheduledMeeting} (notice sent; attendance and speakers are recorded while it is held) and
 * {@link ClosedMeeting} (final minutes, nothing changes). Draft, cancelled and amended meetings would
 * be further states here.
 */
public sealed interface Meeting permits ScheduledMeeting, ClosedMeeting {

    MeetingId id();

    CellId cellId();

    OrgPath orgPath();

    MeetingKind kind();

    String title();

    Instant startsAt();

    String place();

    List<String> agenda();

    Map<MemberId, Attendance> attendance();

    long version();

    MeetingStatus status();

    /** The state that still takes changes; a closed meeting refuses (409). */
    ScheduledMeeting requireOpen();

    /** Schedules a meeting of a cell (not of a party group) with at least one agenda item. */
    static Change<ScheduledMeeting, MeetingEvent> schedule(
            MeetingId id,
            Cell cell,
            MeetingKind kind,
            String title,
            Instant startsAt,
            String place,
            List<String> agenda) {
        if (cell.kind() != OrgUnitKind.CELL) {
            throw new RuleViolationException(
                    "not-a-cell", "Chỉ chi bộ mới tổ chức sinh hoạt; " + cell.name() + " là " + cell.kind());
        }
        List<String> items =
                agenda.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (items.isEmpty()) {
            throw new RuleViolationException("agenda-empty", "Cần ít nhất một nội dung trong chương trình sinh hoạt");
        }
        ScheduledMeeting meeting = new ScheduledMeeting(
                id, cell.id(), cell.orgPath(), kind, title.strip(), startsAt, place.strip(), items, Map.of(), 1);
        return Change.of(meeting, new MeetingEvent.Scheduled(meeting));
    }

    /** The meeting's local date (Asia/Ho_Chi_Minh) decides the month and year it counts for. */
    default ZonedDateTime localStart() {
        return startsAt().atZone(VietnamTime.ZONE);
    }

    /** Attendance in a stable order for the minutes and the closing event. */
    default List<Attendance> attendanceList() {
        List<Attendance> list = new ArrayList<>(attendance().values());
        list.sort(Comparator.comparing(a -> a.memberId().toString()));
        return list;
    }
}
