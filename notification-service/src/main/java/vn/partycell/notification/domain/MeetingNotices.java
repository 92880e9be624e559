package vn.partycell.notification.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notices a meeting causes: who receives them and what they say (Vietnamese, times in
 * Asia/Ho_Chi_Minh).
 *
 * <ul>
 *   <li>Scheduled: every active member (probationary or full) of the cell, as the roster stands.
 *   <li>Absent: the member evaluation-service counted an unexcused absence for (its
 *       evaluations.scorecard.absence-counted fact), quoting the months so far and the year's
 *       removal-review threshold from that fact.
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

    /** The absence notice to the member, from evaluation-service's count: one per member and meeting. */
    public static Notice absence(CountedAbsence absence, Occurrence occurrence) {
        return new Notice(
                null,
                absence.memberId(),
                absentFact(absence.meetingId()),
                NoticeKind.MEETING_ABSENT,
                absentTitle(absence),
                absentBody(absence),
                occurrence.at(),
                null,
                absence.meetingId(),
                absence.orgPath(),
                occurrence.eventId());
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

    static String absentTitle(CountedAbsence absence) {
        return "Vắng họp không lý do: " + absence.title();
    }

    /**
     * Quotes the figures evaluation-service counted and the threshold of the year's policy it holds
     * (partycell.policy.*.removal-review there), so the notice says what the removal-review list says.
     */
    static String absentBody(CountedAbsence absence) {
        List<Integer> months = absence.unexcusedAbsenceMonths();
        StringBuilder body = new StringBuilder()
                .append("Đồng chí được ghi nhận vắng mặt không có lý do tại buổi ")
                .append(absence.kind().label())
                .append(' ')
                .append(OPEN_QUOTE)
                .append(absence.title())
                .append(CLOSE_QUOTE)
                .append(" (")
                .append(VietnameseTime.day(absence.startsAt()))
                .append(").\n")
                .append("Trong năm ")
                .append(absence.year())
                .append(", đồng chí đã vắng sinh hoạt không lý do trong ")
                .append(months.size())
                .append(" tháng (")
                .append(monthList(months))
                .append(").\n")
                .append("Theo quy định năm ")
                .append(absence.year())
                .append(", đảng viên vắng sinh hoạt đảng không có lý do chính đáng từ ")
                .append(absence.reviewMonths())
                .append(" tháng trở lên trong năm thì chi bộ phải xem xét, đề nghị xóa tên.\n");
        switch (absence.removalReview()) {
            case NONE -> {}
            case WARNING ->
                body.append("Đồng chí đã đến mức cảnh báo (")
                        .append(absence.warningMonths())
                        .append(" tháng): nếu vắng không lý do thêm ")
                        .append(absence.monthsBeforeReview())
                        .append(" tháng nữa, chi bộ sẽ phải xem xét, đề nghị xóa tên đồng chí.\n");
            case REVIEW ->
                body.append("Số tháng vắng của đồng chí đã đến mức này: chi bộ phải xem xét, đề nghị xóa tên"
                        + " đồng chí.\n");
        }
        return body.append("Nếu có lý do chính đáng, đồng chí báo cáo với chi ủy.")
                .toString();
    }

    /** {@code tháng 3}, {@code các tháng 1 và 3}, {@code các tháng 1, 2 và 3}. */
    static String monthList(List<Integer> months) {
        if (months.size() == 1) {
            return "tháng " + months.getFirst();
        }
        StringBuilder list = new StringBuilder("các tháng ");
        for (int i = 0; i < months.size(); i++) {
            if (i > 0) {
                list.append(i == months.size() - 1 ? " và " : ", ");
            }
            list.append(months.get(i));
        }
        return list.toString();
    }

    /** The fact "the meeting's plan changed, at this version": one notice per member and change. */
    public static String changedFact(MeetingId meetingId, long version) {
        return "meeting-changed:" + meetingId.value() + ":" + version;
    }

    /** The fact "this meeting was cancelled". */
    public static String cancelledFact(MeetingId meetingId) {
        return "meeting-cancelled:" + meetingId.value();
    }

    /** The fact "the member's excuse for this meeting was decided". */
    public static String excuseDecidedFact(MeetingId meetingId) {
        return "meeting-excuse-decided:" + meetingId.value();
    }

    /**
     * Which announcement of a meeting's plan a notice is, to supersede only older ones whatever the
     * order events are handled in: 0 the first notice (scheduled), the meeting's version for a change
     * or the cancellation, -1 for a notice that announces no plan (absence, excuse).
     */
    public static long planVersion(String factKey) {
        if (factKey.startsWith("meeting-scheduled:")) {
            return 0;
        }
        if (factKey.startsWith("meeting-changed:")) {
            return Long.parseLong(factKey.substring(factKey.lastIndexOf(':') + 1));
        }
        return -1;
    }

    /** The notice again to every active member, saying what changed; it supersedes the earlier notices. */
    public static List<Notice> changed(MeetingChange change, List<RosterMember> roster, Occurrence occurrence) {
        ScheduledMeeting meeting = change.meeting();
        String title = "Thay đổi lịch họp chi bộ: " + meeting.title();
        String body = "Chi bộ thông báo thay đổi " + changedList(change.changed())
                + " của buổi sinh hoạt; thông báo này thay thế thông báo trước.\n" + scheduledBody(meeting);
        String fact = changedFact(meeting.meetingId(), change.version());
        List<Notice> notices = new ArrayList<>();
        for (RosterMember member : recipients(meeting, roster)) {
            notices.add(new Notice(
                    null,
                    member.memberId(),
                    fact,
                    NoticeKind.MEETING_CHANGED,
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

    /** The cancellation to every active member, with the reason. */
    public static List<Notice> cancelled(CancelledMeeting meeting, List<RosterMember> roster, Occurrence occurrence) {
        String title = "Hủy buổi họp chi bộ: " + meeting.title();
        String body = "Buổi " + meeting.kind().label() + " " + OPEN_QUOTE + meeting.title() + CLOSE_QUOTE
                + " dự kiến lúc " + VietnameseTime.dateTime(meeting.startsAt())
                + " (giờ Việt Nam) không diễn ra.\nLý do: " + meeting.reason()
                + ".\nChi ủy sẽ thông báo lịch sinh hoạt mới.";
        List<Notice> notices = new ArrayList<>();
        for (RosterMember member : roster) {
            if (meeting.cellId().equals(member.cellId()) && member.isActive()) {
                notices.add(new Notice(
                        null,
                        member.memberId(),
                        cancelledFact(meeting.meetingId()),
                        NoticeKind.MEETING_CANCELLED,
                        title,
                        body,
                        occurrence.at(),
                        null,
                        meeting.meetingId(),
                        meeting.orgPath(),
                        occurrence.eventId()));
            }
        }
        return notices.stream()
                .collect(java.util.stream.Collectors.toMap(
                        Notice::recipientMemberId, n -> n, (a, b) -> a, LinkedHashMap::new))
                .values()
                .stream()
                .toList();
    }

    /** The decision on the member's excuse, to that member. */
    public static Notice excuseDecided(ExcuseDecision decision, Occurrence occurrence) {
        String verdict = decision.accepted() ? "được chấp thuận" : "không được chấp thuận";
        StringBuilder body = new StringBuilder("Đơn xin vắng của đồng chí tại buổi ")
                .append(decision.kind().label())
                .append(' ')
                .append(OPEN_QUOTE)
                .append(decision.title())
                .append(CLOSE_QUOTE)
                .append(" (")
                .append(VietnameseTime.dateTime(decision.startsAt()))
                .append(") ")
                .append(verdict)
                .append('.');
        if (decision.note() != null) {
            body.append("\nÝ kiến của chi ủy: ").append(decision.note()).append('.');
        }
        if (!decision.accepted()) {
            body.append("\nĐề nghị đồng chí sắp xếp tham dự; nếu vắng sẽ bị ghi vắng không lý do.");
        }
        return new Notice(
                null,
                decision.memberId(),
                excuseDecidedFact(decision.meetingId()),
                NoticeKind.MEETING_EXCUSE_DECIDED,
                "Đơn xin vắng họp " + verdict + ": " + decision.title(),
                body.toString(),
                occurrence.at(),
                null,
                decision.meetingId(),
                decision.orgPath(),
                occurrence.eventId());
    }

    private static final Map<String, String> FIELD_NAMES = Map.of(
            "startsAt",
            "thời gian",
            "place",
            "địa điểm",
            "agenda",
            "nội dung",
            "title",
            "tên buổi",
            "topic",
            "chuyên đề");

    static String changedList(List<String> changed) {
        List<String> names =
                changed.stream().map(f -> FIELD_NAMES.getOrDefault(f, f)).toList();
        if (names.isEmpty()) {
            return "nội dung";
        }
        if (names.size() == 1) {
            return names.getFirst();
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " và " + names.getLast();
    }
}
