package vn.partycell.meeting.application;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.partycell.meeting.domain.Amendment;
import vn.partycell.meeting.domain.Attendance;
import vn.partycell.meeting.domain.Cell;
import vn.partycell.meeting.domain.ClosedMeeting;
import vn.partycell.meeting.domain.GradeRecord;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingTask;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.Proceedings;
import vn.partycell.meeting.domain.RemarkKind;
import vn.partycell.meeting.domain.RosterMember;
import vn.partycell.meeting.domain.SelfCriticismRoundId;
import vn.partycell.meeting.domain.VoteChoice;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.security.Caller;

/**
 * Use case: the minutes of a closed meeting, printed. Whoever may read the meeting may read its
 * minutes; a meeting not closed has none yet (409), as its record is not final.
 */
@Service
public class MeetingMinutes {

    private final MeetingQueries meetings;
    private final RosterRepository rosters;
    private final SelfCriticismRepository selfCriticism;
    private final MeetingGradeRepository grades;
    private final AmendmentRepository amendments;
    private final ProceedingsRepository proceedings;
    private final MeetingTaskRepository tasks;
    private final MinutesRenderer renderer;
    private final Clock clock;

    public MeetingMinutes(
            MeetingQueries meetings,
            RosterRepository rosters,
            SelfCriticismRepository selfCriticism,
            MeetingGradeRepository grades,
            AmendmentRepository amendments,
            ProceedingsRepository proceedings,
            MeetingTaskRepository tasks,
            MinutesRenderer renderer,
            Clock clock) {
        this.meetings = meetings;
        this.rosters = rosters;
        this.selfCriticism = selfCriticism;
        this.grades = grades;
        this.amendments = amendments;
        this.proceedings = proceedings;
        this.tasks = tasks;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** A printed file: its name (Vietnamese, for Content-Disposition), media type and bytes. */
    public record PrintedMinutes(String fileName, String mediaType, byte[] content) {}

    public PrintedMinutes print(Caller caller, MeetingId id) {
        Minutes minutes = minutes(caller, id);
        String day = VietnamTime.date(minutes.startsAt()).toString();
        return new PrintedMinutes(
                "bien-ban-sinh-hoat-" + day + "-" + id.value().toString().substring(0, 8) + "." + renderer.extension(),
                renderer.mediaType(),
                renderer.render(minutes));
    }

    public Minutes minutes(Caller caller, MeetingId id) {
        Meeting meeting = meetings.get(caller, id);
        if (!(meeting instanceof ClosedMeeting closed)) {
            throw new ConflictException(
                    "minutes-not-final",
                    "Biên bản chỉ có khi buổi sinh hoạt đã kết thúc",
                    Map.of("field", "status", "status", meeting.status().name(), "required", "CLOSED"));
        }
        Map<MemberId, String> names = rosters.roster(closed.cellId()).stream()
                .collect(Collectors.toMap(RosterMember::memberId, RosterMember::fullName, (a, b) -> a));
        Function<MemberId, String> name = member -> names.getOrDefault(
                member, "Đảng viên (mã " + member.value().toString().substring(0, 8) + ")");
        Optional<Proceedings> record = proceedings.find(closed.id());
        List<Minutes.Line> lines = closed.attendance().values().stream()
                .map(a -> new Minutes.Line(name.apply(a.memberId()), a.status(), a.reason(), a.spoke()))
                .toList();
        return new Minutes(
                rosters.cell(closed.cellId()).map(Cell::name).orElse(""),
                closed.kind(),
                closed.title(),
                closed.topic(),
                closed.startsAt(),
                closed.place(),
                closed.agenda(),
                lines,
                closed.quorum(),
                closed.closedAt(),
                closed.closedBy(),
                selfCriticism(closed, name),
                grade(closed),
                corrections(closed, name),
                clock.instant(),
                speakers(closed, record),
                record.map(p -> p.remarks().stream()
                                .map(r -> new Minutes.Remark(
                                        r.kind() == RemarkKind.COMMENDATION, name.apply(r.memberId()), r.reason()))
                                .toList())
                        .orElse(List.of()),
                record.map(p -> p.resolutions().stream()
                                .map(r -> new Minutes.ResolutionLine(
                                        r.title(),
                                        r.count(VoteChoice.FOR),
                                        r.count(VoteChoice.AGAINST),
                                        r.count(VoteChoice.ABSTAIN),
                                        r.required(),
                                        r.passed()))
                                .toList())
                        .orElse(List.of()),
                tasks.ofMeeting(closed.id()).stream()
                        .sorted(Comparator.comparing(MeetingTask::dueOn))
                        .map(t -> new Minutes.Task(name.apply(t.ownerId()), t.title(), t.dueOn()))
                        .toList(),
                closed.recorded());
    }

    /** Those the attendance marks as having spoken and those with a speech in the proceedings, once each. */
    private static int speakers(ClosedMeeting meeting, Optional<Proceedings> record) {
        return record.map(p -> p.speakers(meeting).size()).orElseGet(() -> (int)
                meeting.attendance().values().stream().filter(Attendance::spoke).count());
    }

    private Minutes.SelfCriticism selfCriticism(ClosedMeeting meeting, Function<MemberId, String> name) {
        YearMonth month = YearMonth.from(meeting.localStart());
        return selfCriticism
                .find(new SelfCriticismRoundId(meeting.cellId(), month))
                .filter(round -> round.picked() != null)
                .map(round -> new Minutes.SelfCriticism(
                        name.apply(round.picked()),
                        round.outcome() == null ? null : round.outcome().done(),
                        round.outcome() == null ? null : round.outcome().reason(),
                        round.outcome() == null ? null : round.outcome().note()))
                .orElse(null);
    }

    private Minutes.Grade grade(ClosedMeeting meeting) {
        return grades.find(meeting.id())
                .map(grade -> {
                    GradeRecord current = grade.current();
                    return new Minutes.Grade(
                            current.grade().label(),
                            current.comment(),
                            current.gradedBy(),
                            current.gradedAt(),
                            current.correctionReason());
                })
                .orElse(null);
    }

    private List<Minutes.Correction> corrections(ClosedMeeting meeting, Function<MemberId, String> name) {
        return amendments.ofMeeting(meeting.id()).stream()
                .filter(a -> a.status() == Amendment.Status.APPROVED)
                .sorted(Comparator.comparing(Amendment::decidedAt))
                .map(a -> new Minutes.Correction(
                        a.decidedAt(),
                        a.decidedBy(),
                        a.reason(),
                        a.corrections().stream()
                                .map(c -> name.apply(c.after().memberId()) + ": " + attendance(c.before()) + " → "
                                        + attendance(c.after()))
                                .toList()))
                .toList();
    }

    /** How the minutes word a member's attendance line. */
    public static String attendance(Attendance line) {
        if (line == null) {
            return "chưa ghi";
        }
        String status = switch (line.status()) {
            case PRESENT -> "có mặt";
            case LATE -> "đến muộn";
            case EXCUSED -> "vắng có lý do" + (line.reason() == null ? "" : " (" + line.reason() + ")");
            case ABSENT -> "vắng không lý do";
        };
        return line.spoke() ? status + ", có phát biểu" : status;
    }
}
