package vn.partycell.member.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.Versions;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/** Use cases of members: register, read, list a cell's roster, record a status change. */
@Service
public class MemberService {

    /** Dates people see and enter are Vietnamese dates. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Members members;
    private final OrgUnits units;
    private final Clock clock;

    public MemberService(Members members, OrgUnits units, Clock clock) {
        this.members = members;
        this.units = units;
        this.clock = clock;
    }

    public Member register(Caller caller, RegisterMember command) {
        OrgUnit cell =
                units.find(command.cellId()).orElseThrow(() -> new NotFoundException("chi bộ", command.cellId()));
        caller.requireRole(cell.orgPath(), Role.SECRETARY);
        OrgUnit group = command.partyGroupId() == null
                ? null
                : units.find(command.partyGroupId())
                        .orElseThrow(() -> new NotFoundException("tổ đảng", command.partyGroupId()));
        Member member = Member.register(
                UUID.randomUUID(),
                command.person(),
                cell,
                group,
                command.status(),
                command.exempted(),
                command.joinedOn(),
                caller.username(),
                clock.instant(),
                LocalDate.now(clock.withZone(ZONE)));
        members.insert(member, new MemberEvent.Registered(member));
        return member;
    }

    public Member get(Caller caller, UUID id) {
        Member member = members.find(id).orElseThrow(() -> new NotFoundException("đảng viên", id));
        caller.requireRead(member.orgPath(), "đảng viên", id);
        return member;
    }

    public Page<Member> inCell(Caller caller, UUID cellId, Pageable pageable) {
        OrgUnit cell = units.find(cellId).orElseThrow(() -> new NotFoundException("chi bộ", cellId));
        caller.requireRead(cell.orgPath(), "chi bộ", cellId);
        return members.inCell(cellId, pageable);
    }

    /** Records a dated status change; {@code exempted} null keeps the current exemption. */
    public Member changeStatus(
            Caller caller,
            UUID id,
            Long expectedVersion,
            MemberStatus status,
            Boolean exempted,
            LocalDate effectiveOn,
            String reason) {
        Member member = members.find(id).orElseThrow(() -> new NotFoundException("đảng viên", id));
        caller.requireRole(member.orgPath(), Role.SECRETARY);
        Versions.requireCurrent(expectedVersion, member.version(), "Đảng viên");
        boolean newExempted = exempted == null ? member.exempted() : exempted;
        Member changed =
                member.changeStatus(status, newExempted, effectiveOn, reason, caller.username(), clock.instant());
        members.update(changed, member.version(), new MemberEvent.Updated(changed));
        return changed;
    }
}
