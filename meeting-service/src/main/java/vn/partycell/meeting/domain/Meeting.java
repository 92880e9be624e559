package vn.partycell.meeting.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * A cell meeting (buổi sinh hoạt chi bộ). Attendance and speakers are recorded while it is open;
 * closing checks quorum against the cell's roster and makes the minutes final: after that every
 * change is refused.
 */
public record Meeting(
        UUID id,
        UUID cellId,
        OrgPath orgPath,
        MeetingKind kind,
        String title,
        Instant startsAt,
        String place,
        List<String> agenda,
        MeetingStatus status,
        Map<UUID, Attendance> attendance,
        Quorum quorum,
        Instant closedAt,
        String closedBy,
        long version) {

    /** Meetings are held, and counted, on Vietnamese calendar days. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public Meeting {
        Objects.requireNonNull(id);
        Objects.requireNonNull(cellId);
        Objects.requireNonNull(orgPath);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(startsAt);
        Objects.requireNonNull(status);
        agenda = List.copyOf(agenda);
        attendance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attendance));
    }

    public static Meeting schedule(
            UUID id, Cell cell, MeetingKind kind, String title, Instant startsAt, String place, List<String> agenda) {
        if (!"CELL".equals(cell.kind())) {
            throw new RuleViolationException(
                    "not-a-cell", "Chỉ chi bộ mới tổ chức sinh hoạt; " + cell.name() + " là " + cell.kind());
        }
        List<String> items =
                agenda.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (items.isEmpty()) {
            throw new RuleViolationException("agenda-empty", "Cần ít nhất một nội dung trong chương trình sinh hoạt");
        }
        return new Meeting(
                id,
                cell.id(),
                cell.orgPath(),
                kind,
                title.strip(),
                startsAt,
                place.strip(),
                items,
                MeetingStatus.SCHEDULED,
                Map.of(),
                null,
                null,
                null,
                1);
    }

    /** The meeting's local date decides the month and year it counts for. */
    public ZonedDateTime localStart() {
        return startsAt.atZone(ZONE);
    }

    /**
     * Records (or corrects) attendance for some members. Every member must be on the cell's
     * roster; an excused absence needs its reason; only those who attended can have spoken.
     */
    public Meeting recordAttendance(Collection<Attendance> entries, Roster roster) {
        requireOpen();
        Map<String, Object> problems = new LinkedHashMap<>();
        Map<UUID, Attendance> next = new LinkedHashMap<>(attendance);
        Set<UUID> seen = new java.util.HashSet<>();
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
        return next(MeetingStatus.IN_PROGRESS, next, quorum, closedAt, closedBy);
    }

    /**
     * Closes the minutes. Every active, non-exempted member must have an attendance line, and
     * attendance of the eligible members must meet the quorum rule of the year.
     */
    public Meeting close(Roster roster, QuorumRule rule, String by, Instant now) {
        requireOpen();
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
        return next(MeetingStatus.CLOSED, attendance, counted, now, by);
    }

    /** The next version: what a change may touch, everything scheduled stays. */
    private Meeting next(
            MeetingStatus newStatus,
            Map<UUID, Attendance> newAttendance,
            Quorum newQuorum,
            Instant newClosedAt,
            String newClosedBy) {
        return new Meeting(
                id,
                cellId,
                orgPath,
                kind,
                title,
                startsAt,
                place,
                agenda,
                newStatus,
                newAttendance,
                newQuorum,
                newClosedAt,
                newClosedBy,
                version + 1);
    }

    private void requireOpen() {
        if (!status.isOpen()) {
            throw new ConflictException(
                    status == MeetingStatus.CLOSED ? "meeting-closed" : "meeting-cancelled",
                    "Buổi sinh hoạt đã "
                            + (status == MeetingStatus.CLOSED ? "kết thúc, biên bản là bản cuối" : "bị hủy")
                            + "; không thể thay đổi");
        }
    }

    /** Attendance in a stable order for the minutes and the closing event. */
    public List<Attendance> attendanceList() {
        List<Attendance> list = new ArrayList<>(attendance.values());
        list.sort(java.util.Comparator.comparing(a -> a.memberId().toString()));
        return list;
    }

    /** The cell's roster at a moment: who is expected, who counts for quorum. */
    public record Roster(List<RosterMember> members) {

        public boolean isActiveMember(UUID memberId) {
            return members.stream().anyMatch(m -> m.memberId().equals(memberId) && m.isActive());
        }

        /** Active members who are not exempted must all be accounted for. */
        public List<RosterMember> expected() {
            return members.stream().filter(m -> m.isActive() && !m.exempted()).toList();
        }

        public List<RosterMember> quorumBase() {
            return members.stream().filter(RosterMember::countsForQuorum).toList();
        }

        public Set<UUID> ids() {
            return members.stream().map(RosterMember::memberId).collect(Collectors.toSet());
        }
    }
}
