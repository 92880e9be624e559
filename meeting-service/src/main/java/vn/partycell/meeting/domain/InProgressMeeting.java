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
 * A meeting being held (đang diễn ra): started by the committee at {@code startedAt}; attendance and
 * speakers are recorded, then it is closed.
 */
public record InProgressMeeting(
        MeetingId id,
        CellId cellId,
        OrgPath orgPath,
        MeetingPlan plan,
        Map<MemberId, Attendance> attendance,
        Instant startedAt,
        String startedBy,
        long version)
        implements Meeting {

    public InProgressMeeting {
        Objects.requireNonNull(id);
        Objects.requireNonNull(cellId);
        Objects.requireNonNull(orgPath);
        Objects.requireNonNull(plan);
        Objects.requireNonNull(startedAt, "a meeting in progress has its start");
        attendance = Collections.unmodifiableMap(new LinkedHashMap<>(attendance));
    }

    @Override
    public MeetingStatus status() {
        return MeetingStatus.IN_PROGRESS;
    }

    /**
     * Records (or corrects) attendance for some members. Every member must be on the cell's
     * roster; an excused absence needs its reason; only those who attended can have spoken. No
     * event: other contexts learn the attendance from the close.
     */
    public Change<InProgressMeeting, MeetingEvent> recordAttendance(Collection<Attendance> entries, Roster roster) {
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
                    Map.of("field", "entries", "members", problems));
        }
        return Change.silent(new InProgressMeeting(id, cellId, orgPath, plan, next, startedAt, startedBy, version + 1));
    }

    /**
     * Closes the minutes. Every active, non-exempted member must have an attendance line, and
     * attendance of the eligible members must meet the quorum rule of the year.
     */
    public Change<ClosedMeeting, MeetingEvent> close(Roster roster, QuorumRule rule, String by, Instant now) {
        return close(roster, rule, by, now, Map.of());
    }

    /**
     * Closes with what members did beyond attendance ({@code facts}, from the proceedings, the
     * month's self-criticism and the tasks); the event keeps the facts of the members on the
     * attendance list only, as the minutes have no line for anybody else.
     */
    public Change<ClosedMeeting, MeetingEvent> close(
            Roster roster, QuorumRule rule, String by, Instant now, Map<MemberId, MemberMeetingFacts> facts) {
        Quorum counted = requireClosable(roster, rule);
        ClosedMeeting closed = new ClosedMeeting(id, cellId, orgPath, plan, attendance, counted, now, by, version + 1);
        Map<MemberId, MemberMeetingFacts> kept = new java.util.LinkedHashMap<>();
        facts.forEach((member, fact) -> {
            if (attendance.containsKey(member)) {
                kept.put(member, fact);
            }
        });
        return Change.of(closed, new MeetingEvent.Closed(closed, kept));
    }

    /**
     * The meeting's own conditions on closing, without closing: attendance complete (422
     * {@code attendance-incomplete}) and the quorum met (422 {@code quorum-not-met}); the quorum
     * counted. Lets a close be refused before anything else about the meeting is gathered.
     */
    public Quorum requireClosable(Roster roster, QuorumRule rule) {
        List<String> missing = roster.expected().stream()
                .filter(m -> !attendance.containsKey(m.memberId()))
                .map(m -> m.fullName() + " (" + m.memberId() + ")")
                .toList();
        if (!missing.isEmpty()) {
            throw new RuleViolationException(
                    "attendance-incomplete",
                    "Chưa điểm danh " + missing.size() + " đảng viên; hãy ghi đủ trước khi kết thúc buổi sinh hoạt",
                    Map.of("field", "attendance", "missing", missing));
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
                            "field",
                            "attendance",
                            "eligible",
                            counted.eligible(),
                            "present",
                            counted.present(),
                            "required",
                            counted.required()));
        }
        return counted;
    }
}
