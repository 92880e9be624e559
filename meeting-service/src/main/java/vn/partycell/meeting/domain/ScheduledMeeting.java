package vn.partycell.meeting.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * A scheduled meeting: its notice is out, and while it is held the committee records attendance
 * and speakers. It is listed as in progress once attendance has been taken.
 */
public record ScheduledMeeting(
        MeetingId id,
        CellId cellId,
        OrgPath orgPath,
        MeetingKind kind,
        String title,
        Instant startsAt,
        String place,
        List<String> agenda,
        Map<MemberId, Attendance> attendance,
        long version)
        implements Meeting {

    public ScheduledMeeting {
        Objects.requireNonNull(id);
        Objects.requireNonNull(cellId);
        Objects.requireNonNull(orgPath);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(startsAt);
        agenda = List.copyOf(agenda);
        attendance = Collections.unmodifiableMap(new LinkedHashMap<>(attendance));
    }

    @Override
    public MeetingStatus status() {
        return attendance.isEmpty() ? MeetingStatus.SCHEDULED : MeetingStatus.IN_PROGRESS;
    }

    @Override
    public ScheduledMeeting requireOpen() {
        return this;
    }

    /**
     * Records (or corrects) attendance for some members. Every member must be on the cell's
     * roster; an excused absence needs its reason; only those who attended can have spoken. No
     * event: other contexts learn the attendance from the close.
     */
    public Change<ScheduledMeeting, MeetingEvent> recordAttendance(Collection<Attendance> entries, Roster roster) {
        Map<String, Object> problems = new LinkedHashMap<>();
        Map<MemberId, Attendance> next = new LinkedHashMap<>(attendance);
        Set<MemberId> seen = new HashSet<>();
        for (Attendance entry : entries) {
            String key = entry.memberId().toString();
            if (!seen.add(entry.memberId())) {
                problems.put(key, "xuất hiện hai lần trong cùng một lần ghi");
            } else if (!roster.isActiveMember(entry.memberId())) {
                problems.put(key, "không phải đảng viên đang sinh hoạt tại chi bộ này");
            } else if (entry.status() == AttendanceStatus.EXCUSED && entry.reason() == null) {
                problems.put(key, "vắng có lý do cần ghi rõ lý do");
            } else if (entry.spoke() && !entry.status().attended()) {
                problems.put(key, "không có mặt thì không thể phát biểu");
            }
            next.put(entry.memberId(), entry);
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException(
                    "attendance-invalid",
                    "Có " + problems.size() + " dòng điểm danh không hợp lệ",
                    Map.of("members", problems));
        }
        return Change.silent(
                new ScheduledMeeting(id, cellId, orgPath, kind, title, startsAt, place, agenda, next, version + 1));
    }

    /**
     * Closes the minutes. Every active, non-exempted member must have an attendance line, and
     * attendance of the eligible members must meet the quorum rule of the year.
     */
    public Change<ClosedMeeting, MeetingEvent> close(Roster roster, QuorumRule rule, String by, Instant now) {
        List<String> missing = roster.expected().stream()
                .filter(m -> !attendance.containsKey(m.memberId()))
                .map(m -> m.fullName() + " (" + m.memberId() + ")")
                .toList();
        if (!missing.isEmpty()) {
            throw new RuleViolationException(
                    "attendance-incomplete",
                    "Chưa điểm danh " + missing.size() + " đảng viên; hãy ghi đủ trước khi kết thúc buổi sinh hoạt",
                    Map.of("missing", missing));
        }
        List<RosterMember> eligible = roster.quorumBase();
        int present = (int) eligible.stream()
                .filter(m -> attendance.containsKey(m.memberId())
                        && attendance.get(m.memberId()).status().attended())
                .count();
        Quorum counted = new Quorum(eligible.size(), present, rule.required(eligible.size()));
        if (!counted.met()) {
            throw new RuleViolationException(
                    "quorum-not-met",
                    "Không đủ số lượng: " + present + "/" + eligible.size()
                            + " đảng viên chính thức (không kể người được miễn sinh hoạt) có mặt, cần ít nhất "
                            + counted.required(),
                    Map.of(
                            "eligible",
                            counted.eligible(),
                            "present",
                            counted.present(),
                            "required",
                            counted.required()));
        }
        ClosedMeeting closed = new ClosedMeeting(
                id, cellId, orgPath, kind, title, startsAt, place, agenda, attendance, counted, now, by, version + 1);
        return Change.of(closed, new MeetingEvent.Closed(closed));
    }
}
