package vn.partycell.member.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import vn.partycell.member.domain.DisciplineKind;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.PersonalData;
import vn.partycell.member.domain.StatusChange;
import vn.partycell.member.domain.TransferKind;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.kernel.RuleViolationException;
import vn.partycell.platform.kernel.Versions;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/**
 * Use cases of members: register, read (personal identifiers only for the member and those who run
 * their cell), list a cell's roster, and every dated change of the status history, discipline and
 * identity. The member decides its events; this checks the caller and stores what the member returns.
 * Writes need a secretary of the member's cell (an expulsion a superior; a transfer's answer a
 * secretary of the receiving cell).
 */
@Service
public class MemberService {

    /** Who besides the member sees personal identifiers: those who run the member's cell ({@code rules.md} 2.9). */
    static final Role SEES_PERSONAL_DATA = Role.SECRETARY;

    private final MemberRepository members;
    private final OrgUnitRepository units;
    private final MembershipPolicy policy;
    private final Clock clock;

    private final CompositionService composition;

    public MemberService(MemberRepository members, OrgUnitRepository units, MembershipPolicy policy, Clock clock) {
        this(members, units, policy, clock, null);
    }

    /** With the cells' composition figures kept current after each member write. */
    @Autowired
    public MemberService(
            MemberRepository members,
            OrgUnitRepository units,
            MembershipPolicy policy,
            Clock clock,
            CompositionService composition) {
        this.members = members;
        this.units = units;
        this.policy = policy;
        this.clock = clock;
        this.composition = composition;
    }

    private RoleTenure roleTenure;

    /** Roles end when their holder leaves the node (rules.md 1.9), after each member write. */
    @Autowired(required = false)
    public void setRoleTenure(RoleTenure roleTenure) {
        this.roleTenure = roleTenure;
    }

    /**
     * After a write that may change a cell's full members (the count is per cell, by its key): the
     * cell the member was in and, after an accepted transfer, the one they are in now.
     */
    private void refreshComposition(Member before, Member after) {
        if (roleTenure != null) {
            roleTenure.afterChange(before, after);
        }
        if (composition != null) {
            composition.refresh(after.cellId());
            if (before != null && !before.cellId().equals(after.cellId())) {
                composition.refresh(before.cellId());
            }
        }
    }

    public Member register(Caller caller, RegisterMember command) {
        OrgUnit cell =
                units.find(command.cellId()).orElseThrow(() -> new NotFoundException("chi bộ", command.cellId()));
        caller.requireRole(cell.orgPath(), Role.SECRETARY);
        OrgUnit group = command.partyGroupId() == null
                ? null
                : units.find(command.partyGroupId())
                        .orElseThrow(() -> new NotFoundException("tổ đảng", command.partyGroupId()));
        Change<Member, MemberEvent> registered = Member.register(
                MemberId.random(),
                command.person(),
                cell,
                group,
                command.status(),
                command.exempted(),
                command.joinedOn(),
                policy.probationMonths(command.joinedOn().getYear()),
                caller.username(),
                clock.instant(),
                today());
        members.insert(registered);
        refreshComposition(null, registered.state());
        return registered.state();
    }

    public MemberView get(Caller caller, MemberId id) {
        Member member = members.find(id).orElseThrow(() -> new NotFoundException("đảng viên", id));
        caller.requireRead(member.orgPath(), "đảng viên", id);
        return view(caller, member);
    }

    public ResultPage<MemberView> inCell(Caller caller, OrgUnitId cellId, PageQuery page) {
        OrgUnit cell = units.find(cellId).orElseThrow(() -> new NotFoundException("chi bộ", cellId));
        caller.requireRead(cell.orgPath(), "chi bộ", cellId);
        ResultPage<Member> found = members.inCell(cellId, page);
        return new ResultPage<>(
                found.content().stream().map(m -> view(caller, m)).toList(), page, found.totalElements());
    }

    /** The member themself, or a secretary (or above) over the member's cell. */
    public static MemberView view(Caller caller, Member member) {
        boolean shown = caller.isMember(member.id().value()) || caller.canAct(member.orgPath(), SEES_PERSONAL_DATA);
        return new MemberView(member, shown);
    }

    /** Recognitions due by {@code asOf} (default today) under a node; overdue after the policy's working days. */
    public ResultPage<RecognitionDue> recognitionsDue(Caller caller, OrgUnitId nodeId, LocalDate asOf, PageQuery page) {
        OrgUnit node = units.find(nodeId).orElseThrow(() -> new NotFoundException("tổ chức", nodeId));
        caller.requireRole(node.orgPath(), Role.SECRETARY);
        LocalDate day = asOf == null ? today() : asOf;
        ResultPage<Member> found = members.recognitionsDue(node.orgPath(), day, page);
        return new ResultPage<>(
                found.content().stream()
                        .map(m -> {
                            LocalDate deadline = policy.recognitionDeadline(m.recognitionDueOn());
                            return new RecognitionDue(m, m.recognitionDueOn(), deadline, day.isAfter(deadline));
                        })
                        .toList(),
                page,
                found.totalElements());
    }

    public Member recognise(Caller caller, MemberId id, Long version, LocalDate on, String reason) {
        return dated(caller, id, version, on, reason, Member::recognise);
    }

    public Member exempt(Caller caller, MemberId id, Long version, LocalDate from, LocalDate until, String reason) {
        return change(
                caller,
                id,
                version,
                Role.SECRETARY,
                (m, by) -> m.exempt(from, until, reason, by.username(), by.at(), by.today()));
    }

    public Member endExemption(Caller caller, MemberId id, Long version, LocalDate on, String reason) {
        return dated(caller, id, version, on, reason, Member::endExemption);
    }

    public Member attach(
            Caller caller,
            MemberId id,
            Long version,
            OrgUnitId hostCellId,
            LocalDate from,
            LocalDate until,
            String reason) {
        OrgUnit host = cellNamedBy("hostCellId", hostCellId);
        return change(
                caller,
                id,
                version,
                Role.SECRETARY,
                (m, by) -> m.attach(host, from, until, reason, by.username(), by.at(), by.today()));
    }

    public Member endAttachment(Caller caller, MemberId id, Long version, LocalDate on, String reason) {
        return dated(caller, id, version, on, reason, Member::endAttachment);
    }

    public Member requestTransfer(
            Caller caller,
            MemberId id,
            Long version,
            OrgUnitId toCellId,
            TransferKind kind,
            LocalDate from,
            LocalDate until,
            String reason) {
        OrgUnit to = cellNamedBy("toCellId", toCellId);
        return change(
                caller,
                id,
                version,
                Role.SECRETARY,
                (m, by) -> m.requestTransfer(to, kind, from, until, reason, by.username(), by.at(), by.today()));
    }

    /** The receiving cell's secretary answers; out of their scope is 404 like any record. */
    public Member answerTransfer(
            Caller caller, MemberId id, Long version, UUID transferId, boolean accepted, LocalDate on, String reason) {
        Member member = members.find(id).orElseThrow(() -> new NotFoundException("đảng viên", id));
        StatusChange request = member.pendingTransfer()
                .filter(r -> r.entryId().equals(transferId))
                .orElseThrow(() -> new NotFoundException("yêu cầu chuyển sinh hoạt", transferId));
        OrgUnit receiving = units.find(request.otherCellId())
                .orElseThrow(() -> new NotFoundException("chi bộ", request.otherCellId()));
        caller.requireRole(receiving.orgPath(), Role.SECRETARY);
        Versions.requireCurrent(version, member.version(), "Đảng viên");
        Recorder by = recorder(caller);
        return store(
                member,
                member.answerTransfer(transferId, accepted, receiving, on, reason, by.username(), by.at(), by.today()));
    }

    public Member remove(Caller caller, MemberId id, Long version, LocalDate on, String reason) {
        return dated(caller, id, version, on, reason, Member::remove);
    }

    public Member recordDeath(Caller caller, MemberId id, Long version, LocalDate on, String reason) {
        return dated(caller, id, version, on, reason, Member::recordDeath);
    }

    /** Recorded by the cell's secretary; an expulsion (khai trừ) needs a superior over the cell. */
    public Member decideDiscipline(
            Caller caller,
            MemberId id,
            Long version,
            DisciplineKind kind,
            LocalDate decidedOn,
            String issuingBody,
            String reason,
            int year) {
        Role needed = kind == DisciplineKind.EXPULSION ? Role.SUPERIOR : Role.SECRETARY;
        return change(
                caller,
                id,
                version,
                needed,
                (m, by) -> m.decideDiscipline(
                        kind, decidedOn, issuingBody, reason, year, by.username(), by.at(), by.today()));
    }

    public Member correct(Caller caller, MemberId id, Long version, UUID entryId, String reason) {
        return change(
                caller,
                id,
                version,
                Role.SECRETARY,
                (m, by) -> m.correct(entryId, reason, by.username(), by.at(), by.today()));
    }

    public Member correctIdentity(Caller caller, MemberId id, Long version, PersonalData corrected, String reason) {
        return change(
                caller,
                id,
                version,
                Role.SECRETARY,
                (m, by) -> m.correctIdentity(corrected, reason, by.username(), by.at()));
    }

    /** A dated record with its reason, as the member's commands of that shape take it. */
    @FunctionalInterface
    interface DatedCommand {
        Change<Member, MemberEvent> apply(
                Member member, LocalDate on, String reason, String recordedBy, Instant now, LocalDate today);
    }

    /** A dated record with its reason, by a secretary of the member's cell. */
    private Member dated(Caller caller, MemberId id, Long version, LocalDate on, String reason, DatedCommand command) {
        return change(
                caller,
                id,
                version,
                Role.SECRETARY,
                (m, by) -> command.apply(m, on, reason, by.username(), by.at(), by.today()));
    }

    /** Who records a change and when: the caller's name, the instant, and the day in Vietnam. */
    record Recorder(String username, Instant at, LocalDate today) {}

    /** A member's command given who records it. */
    @FunctionalInterface
    interface MemberCommand {
        Change<Member, MemberEvent> apply(Member member, Recorder by);
    }

    /** Every change of one member: load, check the caller's role over the member, apply, store. */
    private Member change(Caller caller, MemberId id, Long version, Role needed, MemberCommand command) {
        Member member = members.find(id).orElseThrow(() -> new NotFoundException("đảng viên", id));
        caller.requireRole(member.orgPath(), needed);
        Versions.requireCurrent(version, member.version(), "Đảng viên");
        return store(member, command.apply(member, recorder(caller)));
    }

    /** Stores a change decided on {@code member} (the version the caller saw, checked before deciding). */
    private Member store(Member member, Change<Member, MemberEvent> change) {
        members.update(change, member.version());
        refreshComposition(member, change.state());
        return change.state();
    }

    private Recorder recorder(Caller caller) {
        return new Recorder(caller.username(), clock.instant(), today());
    }

    /** A cell named in a request: one that does not exist is a problem of that field, not a 404 of the member. */
    private OrgUnit cellNamedBy(String field, OrgUnitId id) {
        return units.find(id)
                .orElseThrow(() -> new RuleViolationException(
                        "unknown-cell",
                        "Không có chi bộ này trong hệ thống",
                        Map.of("fields", Map.of(field, "không có chi bộ " + id + " trong hệ thống"))));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE));
    }
}
