package vn.partycell.member.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Service;
import vn.partycell.member.domain.ElectedRole;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitEvent;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.member.domain.PendingMove;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.kernel.RuleViolationException;
import vn.partycell.platform.kernel.Versions;
import vn.partycell.platform.kernel.VietnamTime;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/**
 * Use cases of the org tree: create, read, list, rename, move, dissolve a node; open a term;
 * assign and end elected roles. Tree changes need SUPERIOR on the node's parent (on both parents for
 * a move; ADMIN on the whole tree for the root); terms and roles need SUPERIOR on the node.
 */
@Service
public class OrgUnitService {

    private final OrgUnitRepository units;
    private final MembersInTree members;
    private final CompositionService composition;
    private final MoveJob moves;
    private final Clock clock;

    public OrgUnitService(
            OrgUnitRepository units,
            MembersInTree members,
            CompositionService composition,
            MoveJob moves,
            Clock clock) {
        this.units = units;
        this.members = members;
        this.composition = composition;
        this.moves = moves;
        this.clock = clock;
    }

    /** A node founded the day it is registered. */
    public OrgUnit create(Caller caller, String code, String name, OrgUnitKind kind, OrgUnitId parentId) {
        return create(caller, code, name, kind, parentId, null);
    }

    /**
     * A root needs admin on the whole tree; a child needs superior on its parent. {@code
     * establishedOn} is the founding date (ngày thành lập); null: the day it is registered.
     */
    public OrgUnit create(
            Caller caller, String code, String name, OrgUnitKind kind, OrgUnitId parentId, LocalDate establishedOn) {
        Change<OrgUnit, OrgUnitEvent> created;
        if (parentId == null) {
            // A root is no record anyone could be out of scope of: without admin on the whole tree it is 403.
            if (!caller.canAct(OrgPath.ROOT, Role.ADMIN)) {
                throw new ForbiddenException("Chỉ quản trị viên toàn hệ thống mới tạo được tổ chức gốc");
            }
            created = OrgUnit.root(OrgUnitId.random(), code, name, kind, establishedOn, clock.instant());
        } else {
            OrgUnit parent =
                    units.find(parentId).orElseThrow(() -> new NotFoundException("tổ chức cấp trên", parentId));
            caller.requireRole(parent.orgPath(), Role.SUPERIOR);
            // A child created while records below are being rewritten could collide with one of them.
            requireNoMoveAround(parent.orgPath(), false);
            created = parent.child(OrgUnitId.random(), code, name, kind, establishedOn, clock.instant());
        }
        units.insert(created);
        composition.refresh(created.state().id());
        return created.state();
    }

    public OrgUnit get(Caller caller, OrgUnitId id) {
        OrgUnit unit = units.find(id).orElseThrow(() -> new NotFoundException("tổ chức", id));
        caller.requireRead(unit.orgPath(), "tổ chức", id);
        return unit;
    }

    public ResultPage<OrgUnit> search(
            Caller caller, OrgUnitId parentId, String code, OrgUnitKind kind, PageQuery page) {
        return units.search(caller, parentId, code, kind, page);
    }

    public OrgUnit rename(Caller caller, OrgUnitId id, Long expectedVersion, String name) {
        OrgUnit unit = governed(caller, id, expectedVersion);
        return store(unit, unit.rename(name), false);
    }

    /**
     * Moves the node under {@code newParentId} at once and records the pending rewrite below it,
     * which the {@link MoveJob} finishes (now, and again after a crash).
     */
    public OrgUnit move(Caller caller, OrgUnitId id, Long expectedVersion, OrgUnitId newParentId) {
        OrgUnit unit = governed(caller, id, null);
        OrgUnit newParent =
                units.find(newParentId).orElseThrow(() -> new NotFoundException("tổ chức cấp trên", newParentId));
        caller.requireRead(newParent.orgPath(), "tổ chức cấp trên", newParentId);
        if (!caller.canAct(newParent.orgPath(), Role.SUPERIOR)) {
            throw new ForbiddenException("Cần quyền superior trên cả tổ chức cấp trên cũ và mới");
        }
        Versions.requireCurrent(expectedVersion, unit.version(), "Tổ chức");
        requireNoMoveAround(unit.orgPath(), true);
        requireNoMoveAround(newParent.orgPath(), false);
        OrgUnit moved = store(unit, unit.moveUnder(newParent, clock.instant()), false);
        moves.kick();
        return moved;
    }

    public OrgUnit dissolve(Caller caller, OrgUnitId id, Long expectedVersion, LocalDate on) {
        OrgUnit unit = governed(caller, id, expectedVersion);
        if (on.isBefore(unit.createdAt().atZone(VietnamTime.ZONE).toLocalDate())) {
            throw new RuleViolationException(
                    "dissolved-before-created",
                    "Ngày giải thể không được trước ngày thành lập tổ chức trong hệ thống",
                    java.util.Map.of("field", "on"));
        }
        return store(unit, unit.dissolve(on, members.countActiveIn(unit), units.countLiveChildren(id)), true);
    }

    public OrgUnit openTerm(
            Caller caller, OrgUnitId id, Long expectedVersion, String name, LocalDate start, LocalDate end) {
        OrgUnit unit = led(caller, id, expectedVersion);
        return store(unit, unit.openTerm(UUID.randomUUID(), name, start, end), false);
    }

    public OrgUnit assignRole(
            Caller caller, OrgUnitId id, Long expectedVersion, MemberId memberId, ElectedRole role, LocalDate from) {
        OrgUnit unit = led(caller, id, expectedVersion);
        // A member the caller may not see is as unknown as a random id; one outside the node is a 422.
        Member member = members.find(memberId)
                .filter(m -> caller.canRead(m.orgPath()))
                .orElseThrow(() -> new RuleViolationException(
                        "member-not-found", "Không tìm thấy đảng viên", java.util.Map.of("field", "memberId")));
        return store(
                unit, unit.assignRole(UUID.randomUUID(), member, role, from, caller.username(), clock.instant()), true);
    }

    public OrgUnit endRole(
            Caller caller, OrgUnitId id, Long expectedVersion, UUID assignmentId, LocalDate on, String reason) {
        OrgUnit unit = led(caller, id, expectedVersion);
        return store(unit, unit.endRole(assignmentId, on, reason, caller.username(), clock.instant()), true);
    }

    /** The node at the caller's version, if they see it (else 404) and are SUPERIOR over it (else 403). */
    private OrgUnit led(Caller caller, OrgUnitId id, Long expectedVersion) {
        OrgUnit unit = units.find(id).orElseThrow(() -> new NotFoundException("tổ chức", id));
        caller.requireRole(unit.orgPath(), Role.SUPERIOR);
        Versions.requireCurrent(expectedVersion, unit.version(), "Tổ chức");
        return unit;
    }

    /** Stores a change decided on {@code unit}; the cell's composition is refreshed when it may differ. */
    private OrgUnit store(OrgUnit unit, Change<OrgUnit, OrgUnitEvent> change, boolean compositionChanged) {
        units.update(change, unit.version());
        if (compositionChanged) {
            composition.refresh(unit.id());
        }
        return change.state();
    }

    /**
     * The node, if the caller sees it (else 404) and is SUPERIOR on its parent (else 403), at the
     * caller's version (none: a move checks it after its own refusals).
     */
    private OrgUnit governed(Caller caller, OrgUnitId id, Long expectedVersion) {
        OrgUnit unit = units.find(id).orElseThrow(() -> new NotFoundException("tổ chức", id));
        caller.requireRead(unit.orgPath(), "tổ chức", id);
        OrgPath parentPath = parentPath(unit.orgPath());
        Role needed = parentPath.equals(OrgPath.ROOT) ? Role.ADMIN : Role.SUPERIOR;
        if (!caller.canAct(parentPath, needed)) {
            throw new ForbiddenException("Cần quyền " + needed.name().toLowerCase() + " trên tổ chức cấp trên");
        }
        Versions.requireCurrent(expectedVersion, unit.version(), "Tổ chức");
        return unit;
    }

    /**
     * Refuses a change at {@code path} while a move rewrites the records there: under a move's old
     * or new place (or, with {@code orAbove}, above one, whose own move would outrun the rewrite).
     */
    private void requireNoMoveAround(OrgPath path, boolean orAbove) {
        for (OrgUnit pending : units.pendingMoves()) {
            PendingMove move = pending.pendingMove();
            if (orAbove ? move.overlaps(path) : move.contains(path)) {
                throw new ConflictException(
                        "move-pending",
                        "Đang chuyển tổ chức " + pending.name() + " (" + move.done() + "/" + move.total()
                                + " bản ghi); hãy chờ việc chuyển hoàn tất rồi thử lại");
            }
        }
    }

    static OrgPath parentPath(OrgPath path) {
        String value = path.value();
        int at = value.lastIndexOf('/', value.length() - 2);
        return OrgPath.of(value.substring(0, at + 1));
    }
}
