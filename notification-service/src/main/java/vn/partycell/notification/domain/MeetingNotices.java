package vn.partycell.notification.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The notices a meeting causes: who receives them and what they say (Vietnamese, times in
 * Asia/Ho_Chi_Minh).
 *
 * <ul>
 *   <li>Scheduled: every active member (probationary or full) of the cell, as the roster stands.
 *   <li>Closed: every member the attendance records as absent without excuse; the attendance is
 *       final, so recipients come from it and not from the roster.
 * </ul>
 */
public final class MeetingNotices {

    private static final String OPEN_QUOTE = "“";
    private static final String CLOSE_QUOTE = "”";

    private MeetingNotices() {}

    /** The fact "this meeting was scheduled", one per meeting, whatever event reports it. */
    public static String scheduledFact(MeetingId meetingId) {
        return "meeting-scheduled:" + meetingId.value();
    }

    /** The fact "absent without excuse at this meeting", one per meeting and member. */
    public static String absentFact(MeetingId meetingId) {
        return "meeting-absent:" + meetingId.value();
    }

    /** Active members of the meeting's cell, each once, in roster order. */
    public static List<RosterMember> recipients(ScheduledMeeting meeting, List<RosterMember> roster) {
        Map<MemberId, RosterMember> chosen = new LinkedHashMap<>();
        for (RosterMember member : roster) {
            if (meeting.cellId().equals(member.cellId()) && member.isActive()) {
                chosen.putIfAbsent(member.memberId(), member);
            }
        }
        return List.copyOf(chosen.values());
    }

    /** Members recorded absent without excuse (ABSENT), each once, in attendance order. */
    public static List<MemberId> absentees(ClosedMeeting meeting) {
        Set<MemberId> absent = new LinkedHashSet<>();
        for (ClosedMeeting.Attendance line : meeting.attendance()) {
            if (line.status() == AttendanceStatus.ABSENT) {
                absent.add(line.memberId());
            }
        }
        return List.copyOf(absent);
    }

    public static List<Notice> scheduled(ScheduledMeeting meeting, List<RosterMember> roster, Occurrence occurrence) {
        String title = scheduledTitle(meeting);
        String body = scheduledBody(meeting);
        String fact = scheduledFact(meeting.meetingId());
        List<Notice> notices = new ArrayList<>();
        for (RosterMember member : recipients(meeting, roster)) {
            notices.add(new Notice(
                    null,
                    member.memberId(),
                    fact,
                    NoticeKind.MEETING_SCHEDULED,
                    title,
                    body,
                    occurrence.at(),
                    null,
                    meeting.meetingId(),
                    meeting.orgPath(),
                    occurrence.eventId()));
        }
        return notices;
    }

    public static List<Notice> absences(ClosedMeeting meeting, Occurrence occurrence) {
        String title = absentTitle(meeting);
        String body = absentBody(meeting);
        String fact = absentFact(meeting.meetingId());
        List<Notice> notices = new ArrayList<>();
        for (MemberId member : absentees(meeting)) {
            notices.add(new Notice(
                    null,
                    member,
                    fact,
                    NoticeKind.MEETING_ABSENT,
                    title,
                    body,
                    occurrence.at(),
                    null,
                    meeting.meetingId(),
                    meeting.orgPath(),
                    occurrence.eventId()));
        }
        return notices;
    }

    static String scheduledTitle(ScheduledMeeting meeting) {
        return "Thông báo họp chi bộ: " + meeting.title();
    }

    static String scheduledBody(ScheduledMeeting meeting) {
        StringBuilder body = new StringBuilder()
                .append("Chi bộ triệu tập ")
                .append(meeting.kind().label())
                .append(' ')
                .append(OPEN_QUOTE)
                .append(meeting.title())
                .append(CLOSE_QUOTE)
                .append(".\n")
                .append("Thời gian: ")
                .append(VietnameseTime.dateTime(meeting.startsAt()))
                .append(" (giờ Việt Nam).\n")
                .append("Địa điểm: ")
                .append(meeting.place())
                .append(".\n");
        if (meeting.agenda().isEmpty()) {
            body.append("Nội dung: chi ủy sẽ thông báo sau.\n");
        } else {
            body.append("Nội dung:\n");
            int number = 1;
            for (String item : meeting.agenda()) {
                body.append(number++).append(". ").append(item).append('\n');
            }
        }
        return body.append("Đề nghị đồng chí tham dự đầy đủ, đúng giờ. ")
                .append("Nếu không thể tham dự, đồng chí báo cáo và xin phép chi ủy trước buổi họp.")
                .toString();
    }

    static String absentTitle(ClosedMeeting meeting) {
        return "Vắng họp không lý do: " + meeting.title();
    }

    /**
     * The removal-review threshold is evaluation-service's policy (partycell.policy.*.removal-review),
     * so the notice names the rule without quoting a number it does not own.
     */
    static String absentBody(ClosedMeeting meeting) {
        return "Đồng chí được ghi nhận vắng mặt không có lý do tại buổi "
                + meeting.kind().label()
                + " "
                + OPEN_QUOTE
                + meeting.title()
                + CLOSE_QUOTE
                + " ("
                + VietnameseTime.day(meeting.startsAt())
                + ").\n"
                + "Lần vắng này được tính vào số lần vắng sinh hoạt không lý do của đồng chí trong năm "
                + meeting.year()
                + ". Theo quy định, đảng viên vắng sinh hoạt đảng không có lý do chính đáng đủ số tháng"
                + " trong năm mà quy định nêu ra thì phải được chi bộ xem xét, đề nghị xóa tên.\n"
                + "Nếu có lý do chính đáng, đồng chí báo cáo với chi ủy.";
    }
}
