package vn.partycell.member.application;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.kernel.Versions;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/**
 * Use cases of members: register, read, list a cell's roster, record a status change. The member
 * decides its events; this only checks the caller and stores what the member returns.
 */
@Service
public class MemberService {

    private final MemberRepository members;
    private final OrgUnitRepository units;
    private final Clock clock;

    private final CompositionService composition;

    public MemberService(MemberRepository members, OrgUnitRepository units, Clock clock) {
        this(members, units, clock, null);
    }

    /** With the cells' composition figures kept current after each member write. */
    @Autowired
    public MemberService(
            MemberRepository members, OrgUnitRepository units, Clock clock, CompositionService composition) {
        this.members = members;
        this.units = units;
        this.clock = clock;
        this.composition = composition;
    }

    /** After a write that may change a cell's full members (the count is per cell, by its key). */
    private void refreshComposition(Member member) {
        if (composition != null) {
            composition.refresh(member.cellId());
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
                caller.username(),
                clock.instant(),
                LocalDate.now(clock.withZone(VietnamTime.ZONE)));
        members.insert(registered);
        refreshComposition(registered.state());
        return registered.state();
    }

    public Member get(Caller caller, MemberId id) {
        Member member = members.find(id).orElseThrow(() -> new NotFoundException("đảng viên", id));
        caller.requireRead(member.orgPath(), "đảng viên", id);
        return member;
    }

    public ResultPage<Member> inCell(Caller caller, OrgUnitId cellId, PageQuery page) {
        OrgUnit cell = units.find(cellId).orElseThrow(() -> new NotFoundException("chi bộ", cellId));
        caller.requireRead(cell.orgPath(), "chi bộ", cellId);
        return members.inCell(cellId, page);
    }

    /** Records a dated status change; {@code exempted} null keeps the current exemption. */
    public Member changeStatus(
            Caller caller,
            MemberId id,
            Long expectedVersion,
            MemberStatus status,
            Boolean exempted,
            LocalDate effectiveOn,
            String reason) {
        Member member = members.find(id).orElseThrow(() -> new NotFoundException("đảng viên", id));
        caller.requireRole(member.orgPath(), Role.SECRETARY);
        Versions.requireCurrent(expectedVersion, member.version(), "Đảng viên");
        boolean newExempted = exempted == null ? member.exempted() : exempted;
        Change<Member, MemberEvent> change =
                member.changeStatus(status, newExempted, effectiveOn, reason, caller.username(), clock.instant());
        members.update(change, member.version());
        refreshComposition(change.state());
        return change.state();
    }
}
