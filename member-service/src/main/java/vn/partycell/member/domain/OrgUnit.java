package vn.partycell.member.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;
import vn.partycell.platform.kernel.VietnamTime;

/**
 * A node of the org tree (tổ chức đảng). Its path is its parent's path and its own code; every record
 * below it is stored with that path, so a move rewrites them (see {@link PendingMove}). A node may be
 * renamed, moved, dissolved (giải thể), and keeps its committee terms (nhiệm kỳ) and the dated
 * record of its elected roles. {@code establishedOn} is its founding date (ngày thành lập, from the
 * founding decision), which may lie long before {@code createdAt}, the day it was registered here.
 * Each command returns the new node with the event it causes.
 */
public record OrgUnit(
        OrgUnitId id,
        String code,
        String name,
        OrgUnitKind kind,
        OrgUnitId parentId,
        OrgPath orgPath,
        long version,
        Instant createdAt,
        LocalDate dissolvedOn,
        PendingMove pendingMove,
        List<Term> terms,
        List<RoleRecord> roles,
        LocalDate establishedOn) {

    public OrgUnit {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(orgPath);
        terms = terms == null ? List.of() : List.copyOf(terms);
        roles = roles == null ? List.of() : List.copyOf(roles);
        // A node recorded before its founding date was kept counts as founded the day it was registered.
        if (establishedOn == null && createdAt != null) {
            establishedOn = VietnamTime.date(createdAt);
        }
    }

    /** A live node with no terms or roles yet, founded the day it was registered. */
    public OrgUnit(
            OrgUnitId id,
            String code,
            String name,
            OrgUnitKind kind,
            OrgUnitId parentId,
            OrgPath orgPath,
            long version,
            Instant createdAt) {
        this(id, code, name, kind, parentId, orgPath, version, createdAt, null, null, List.of(), List.of(), null);
    }

    /** A root founded today. */
    public static Change<OrgUnit, OrgUnitEvent> root(
            OrgUnitId id, String code, String name, OrgUnitKind kind, Instant now) {
        return root(id, code, name, kind, null, now);
    }

    /**
     * A root: only a province stands at the top of the tree. {@code establishedOn} is its founding
     * date (null: the day it is registered).
     */
    public static Change<OrgUnit, OrgUnitEvent> root(
            OrgUnitId id, String code, String name, OrgUnitKind kind, LocalDate establishedOn, Instant now) {
        if (kind != OrgUnitKind.PROVINCE) {
            throw new RuleViolationException(
                    "parent-required", "Chỉ tỉnh ủy (PROVINCE) được đứng ở gốc cây tổ chức; hãy chọn tổ chức cấp trên");
        }
        return created(new OrgUnit(
                id,
                code,
                name.strip(),
                kind,
                null,
                OrgPath.ROOT.child(code),
                1,
                now,
                null,
                null,
                List.of(),
                List.of(),
                foundingDay(establishedOn, now)));
    }

    /** A child founded today. */
    public Change<OrgUnit, OrgUnitEvent> child(
            OrgUnitId childId, String childCode, String childName, OrgUnitKind childKind, Instant now) {
        return child(childId, childCode, childName, childKind, null, now);
    }

    /**
     * A child of {@code parent}, if the tree allows that kind there. {@code establishedOn} is its
     * founding date (null: the day it is registered). It may precede the parent's: a cell keeps its
     * own founding date when its committee is re-formed or merged above it.
     */
    public Change<OrgUnit, OrgUnitEvent> child(
            OrgUnitId childId,
            String childCode,
            String childName,
            OrgUnitKind childKind,
            LocalDate establishedOn,
            Instant now) {
        requireLive();
        requireAllowedUnder(childKind, this);
        return created(new OrgUnit(
                childId,
                childCode,
                childName.strip(),
                childKind,
                id,
                orgPath.child(childCode),
                1,
                now,
                null,
                null,
                List.of(),
                List.of(),
                foundingDay(establishedOn, now)));
    }

    /** The founding date given, or today in Vietnam; a date after today is no founding date yet. */
    private static LocalDate foundingDay(LocalDate establishedOn, Instant now) {
        LocalDate today = VietnamTime.date(now);
        if (establishedOn == null) {
            return today;
        }
        if (establishedOn.isAfter(today)) {
            throw new RuleViolationException(
                    "established-in-future", "Ngày thành lập không được sau hôm nay", Map.of("field", "establishedOn"));
        }
        return establishedOn;
    }

    private static Change<OrgUnit, OrgUnitEvent> created(OrgUnit unit) {
        return Change.of(unit, new OrgUnitEvent.Created(unit));
    }

    /** Đổi tên: the path (code) stays, so nothing below changes. */
    public Change<OrgUnit, OrgUnitEvent> rename(String newName) {
        requireLive();
        String stripped = newName.strip();
        if (stripped.equals(name)) {
            throw new RuleViolationException("no-change", "Tên mới trùng với tên hiện tại", Map.of("field", "name"));
        }
        OrgUnit renamed = with(stripped, parentId, orgPath, dissolvedOn, pendingMove, terms, roles);
        return Change.of(renamed, new OrgUnitEvent.Renamed(renamed));
    }

    /**
     * Chuyển tổ chức: this node goes under {@code newParent} at once; the records below follow
     * through the pending move's job. Refused under a kind the tree does not allow, under itself or
     * its own subtree, under a dissolved node, or while this node's previous move is still running.
     */
    public Change<OrgUnit, OrgUnitEvent> moveUnder(OrgUnit newParent, Instant now) {
        requireLive();
        if (pendingMove != null) {
            throw new ConflictException(
                    "move-pending",
                    "Việc chuyển trước của tổ chức này chưa hoàn tất (" + pendingMove.done() + "/" + pendingMove.total()
                            + " bản ghi); hãy chờ rồi thử lại");
        }
        if (kind == OrgUnitKind.PROVINCE) {
            throw new RuleViolationException("root-not-movable", "Không thể chuyển tổ chức gốc (tỉnh ủy)");
        }
        if (orgPath.covers(newParent.orgPath())) {
            throw new RuleViolationException(
                    "move-into-own-subtree",
                    "Không thể chuyển tổ chức vào chính nó hoặc một tổ chức trực thuộc nó",
                    Map.of("field", "parentId"));
        }
        if (newParent.id().equals(parentId)) {
            throw new RuleViolationException(
                    "no-change", "Tổ chức đã trực thuộc tổ chức cấp trên này", Map.of("field", "parentId"));
        }
        if (newParent.isDissolved()) {
            throw new RuleViolationException(
                    "parent-dissolved", "Tổ chức cấp trên mới đã giải thể", Map.of("field", "parentId"));
        }
        requireAllowedUnder(kind, newParent);
        OrgPath to = newParent.orgPath().child(code);
        OrgUnit moved = with(name, newParent.id(), to, null, new PendingMove(orgPath, to, now, 0, 0), terms, roles);
        return Change.of(moved, new OrgUnitEvent.Moved(moved, orgPath));
    }

    /** The node with its move's rewrite finished below it. */
    public OrgUnit moveCompleted() {
        return with(name, parentId, orgPath, dissolvedOn, null, terms, roles);
    }

    /**
     * A record below this node after one of its ancestors moved: same version semantics as any
     * change (version + 1), no event of its own (consumers rewrite from the ancestor's moved event).
     */
    public OrgUnit repath(OrgPath newPath, OrgUnitId newParentId) {
        return new OrgUnit(
                id,
                code,
                name,
                kind,
                newParentId,
                newPath,
                version + 1,
                createdAt,
                dissolvedOn,
                pendingMove,
                terms,
                roles,
                establishedOn);
    }

    /**
     * Giải thể: the node stays in the register, marked dissolved from {@code on}. The caller checks
     * that it has no active member and no live child (the tree and the roster are outside this node).
     */
    public Change<OrgUnit, OrgUnitEvent> dissolve(LocalDate on, long activeMembers, long liveChildren) {
        requireLive();
        if (pendingMove != null) {
            throw new ConflictException("move-pending", "Việc chuyển tổ chức này chưa hoàn tất; hãy chờ rồi thử lại");
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        if (activeMembers > 0) {
            facts.put("activeMembers", activeMembers);
        }
        if (liveChildren > 0) {
            facts.put("liveChildren", liveChildren);
        }
        if (!facts.isEmpty()) {
            throw new RuleViolationException(
                    "org-unit-not-empty",
                    "Không thể giải thể: tổ chức còn " + activeMembers + " đảng viên đang sinh hoạt và " + liveChildren
                            + " tổ chức trực thuộc chưa giải thể",
                    facts);
        }
        OrgUnit dissolved = with(name, parentId, orgPath, on, null, terms, roles);
        return Change.of(dissolved, new OrgUnitEvent.Dissolved(dissolved));
    }

    /** Mở nhiệm kỳ: a committee term on this node; terms of one node never overlap. */
    public Change<OrgUnit, OrgUnitEvent> openTerm(UUID termId, String termName, LocalDate start, LocalDate end) {
        requireLive();
        if (kind == OrgUnitKind.PARTY_GROUP) {
            throw new RuleViolationException("term-not-allowed", "Tổ đảng không có nhiệm kỳ cấp ủy");
        }
        if (!end.isAfter(start)) {
            throw new RuleViolationException(
                    "term-invalid", "Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu", Map.of("field", "end"));
        }
        Term term = new Term(termId, termName.strip(), start, end);
        for (Term t : terms) {
            if (t.overlaps(term)) {
                throw new RuleViolationException(
                        "term-overlap",
                        "Nhiệm kỳ trùng thời gian với nhiệm kỳ " + t.name() + " (" + t.start() + " – " + t.end() + ")",
                        Map.of("field", "start"));
            }
        }
        List<Term> next = new ArrayList<>(terms);
        next.add(term);
        OrgUnit changed = with(name, parentId, orgPath, dissolvedOn, pendingMove, next, roles);
        return Change.of(changed, new OrgUnitEvent.TermOpened(changed, term));
    }

    /**
     * Giao chức danh: {@code member} holds {@code role} here from {@code from}. The member must be
     * active in this node: in this cell, in this party group's cell, or in a cell below this committee.
     */
    public Change<OrgUnit, OrgUnitEvent> assignRole(
            UUID assignmentId, Member member, ElectedRole role, LocalDate from, String recordedBy, Instant now) {
        requireLive();
        if (!role.heldIn().contains(kind)) {
            throw new RuleViolationException(
                    "role-not-allowed-here",
                    "Chức danh " + role + " không bầu ở " + kind,
                    Map.of("field", "role", "kind", kind, "role", role));
        }
        // In transit the member is in no cell's roster, so active in no node (rules.md 1.8).
        if (!member.isActive() || member.state() instanceof MemberState.InTransit || !activeHere(member)) {
            throw new RuleViolationException(
                    "member-not-active-here",
                    "Đảng viên không sinh hoạt tại tổ chức này nên không thể giữ chức danh ở đây",
                    Map.of("field", "memberId"));
        }
        List<RoleRecord.Assigned> current = currentRoles();
        for (RoleRecord.Assigned a : current) {
            if (a.role() == role && a.memberId().equals(member.id())) {
                throw new ConflictException("role-already-held", "Đảng viên đang giữ chức danh này");
            }
            if (a.role() == role && role.single()) {
                throw new ConflictException(
                        "role-taken", "Chức danh " + role + " đang có người giữ; hãy kết thúc chức danh đó trước");
            }
        }
        UUID termId = terms.stream()
                .filter(t -> t.covers(from))
                .map(Term::id)
                .findFirst()
                .orElse(null);
        RoleRecord.Assigned assigned =
                new RoleRecord.Assigned(assignmentId, member.id(), role, from, termId, recordedBy, now);
        List<RoleRecord> next = new ArrayList<>(roles);
        next.add(assigned);
        OrgUnit changed = with(name, parentId, orgPath, dissolvedOn, pendingMove, terms, next);
        return Change.of(changed, new OrgUnitEvent.RoleAssigned(changed, assigned));
    }

    /** Thôi chức danh: a dated record ending one current assignment; the assignment itself stays. */
    public Change<OrgUnit, OrgUnitEvent> endRole(
            UUID assignmentId, LocalDate on, String reason, String recordedBy, Instant now) {
        requireLive();
        RoleRecord.Assigned assigned = currentRoles().stream()
                .filter(a -> a.assignmentId().equals(assignmentId))
                .findFirst()
                .orElseThrow(() -> new RuleViolationException(
                        "role-not-current",
                        "Không có chức danh đang hiệu lực với mã này",
                        Map.of("field", "assignmentId")));
        if (on.isBefore(assigned.from())) {
            throw new RuleViolationException(
                    "role-end-before-start",
                    "Ngày thôi giữ chức danh không được trước ngày bắt đầu",
                    Map.of("field", "on"));
        }
        RoleRecord.Ended ended = new RoleRecord.Ended(assignmentId, on, reason, recordedBy, now);
        List<RoleRecord> next = new ArrayList<>(roles);
        next.add(ended);
        OrgUnit changed = with(name, parentId, orgPath, dissolvedOn, pendingMove, terms, next);
        return Change.of(changed, new OrgUnitEvent.RoleEnded(changed, assigned, ended));
    }

    /**
     * Roles end when their holder leaves the node (rules.md 1.9): once {@code member} is no longer
     * active here (removed, expelled, deceased, or transferred out officially), every role they
     * still hold here ends on {@code on} (not before the role began), one {@link OrgUnitEvent.RoleEnded}
     * each. A member in transit, attached elsewhere or exempted keeps their roles. Empty when the
     * member holds nothing here or is still active here; a dissolved node changes no more.
     */
    public java.util.Optional<Change<OrgUnit, OrgUnitEvent>> endRolesOfDeparted(
            Member member, LocalDate on, String reason, String recordedBy, Instant now) {
        if (isDissolved() || (member.isActive() && activeHere(member))) {
            return java.util.Optional.empty();
        }
        List<RoleRecord.Assigned> held = currentRoles().stream()
                .filter(a -> a.memberId().equals(member.id()))
                .toList();
        if (held.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<RoleRecord> next = new ArrayList<>(roles);
        List<RoleRecord.Ended> endings = new ArrayList<>();
        for (RoleRecord.Assigned a : held) {
            LocalDate day = on.isBefore(a.from()) ? a.from() : on;
            RoleRecord.Ended ended = new RoleRecord.Ended(a.assignmentId(), day, reason, recordedBy, now);
            next.add(ended);
            endings.add(ended);
        }
        OrgUnit changed = with(name, parentId, orgPath, dissolvedOn, pendingMove, terms, next);
        List<OrgUnitEvent> events = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            events.add(new OrgUnitEvent.RoleEnded(changed, held.get(i), endings.get(i)));
        }
        return java.util.Optional.of(new Change<>(changed, events));
    }

    /** The assignments no ended record names, in the order they were made. */
    public List<RoleRecord.Assigned> currentRoles() {
        Set<UUID> ended = new java.util.HashSet<>();
        for (RoleRecord r : roles) {
            if (r instanceof RoleRecord.Ended e) {
                ended.add(e.assignmentId());
            }
        }
        List<RoleRecord.Assigned> current = new ArrayList<>();
        for (RoleRecord r : roles) {
            if (r instanceof RoleRecord.Assigned a && !ended.contains(a.assignmentId())) {
                current.add(a);
            }
        }
        return current;
    }

    /**
     * Who holds {@code role} here on {@code day}: assigned from that day or before, and not ended on
     * or before it (an ending's day is the first day without the role).
     */
    public Set<MemberId> holdersOn(ElectedRole role, LocalDate day) {
        java.util.Map<UUID, LocalDate> endedOn = new java.util.HashMap<>();
        for (RoleRecord r : roles) {
            if (r instanceof RoleRecord.Ended e) {
                endedOn.put(e.assignmentId(), e.on());
            }
        }
        Set<MemberId> holders = new java.util.LinkedHashSet<>();
        for (RoleRecord r : roles) {
            if (r instanceof RoleRecord.Assigned a
                    && a.role() == role
                    && !a.from().isAfter(day)
                    && (!endedOn.containsKey(a.assignmentId())
                            || endedOn.get(a.assignmentId()).isAfter(day))) {
                holders.add(a.memberId());
            }
        }
        return holders;
    }

    /** The roles someone currently holds here. */
    public Set<ElectedRole> heldRoles() {
        Set<ElectedRole> held = EnumSet.noneOf(ElectedRole.class);
        currentRoles().forEach(a -> held.add(a.role()));
        return held;
    }

    /** Where a member is active: this cell; this party group (or its cell's members); a cell below this committee. */
    private boolean activeHere(Member member) {
        return switch (kind) {
            case CELL -> member.cellId().equals(id);
            case PARTY_GROUP ->
                member.cellId().equals(parentId)
                        && (member.partyGroupId() == null
                                || member.partyGroupId().equals(id));
            case PROVINCE, COMMITTEE, GRASSROOTS ->
                !orgPath.equals(member.orgPath()) && orgPath.covers(member.orgPath());
        };
    }

    public boolean isCell() {
        return kind == OrgUnitKind.CELL;
    }

    public boolean isDissolved() {
        return dissolvedOn != null;
    }

    private void requireLive() {
        if (isDissolved()) {
            throw new RuleViolationException(
                    "org-unit-dissolved", "Tổ chức " + name + " đã giải thể ngày " + dissolvedOn);
        }
    }

    private static void requireAllowedUnder(OrgUnitKind childKind, OrgUnit parent) {
        if (!childKind.allowedParents().contains(parent.kind())) {
            throw new RuleViolationException(
                    "kind-not-allowed",
                    "Không thể đặt " + childKind + " dưới " + parent.kind() + " (" + parent.name() + ")",
                    Map.of("parentKind", parent.kind(), "kind", childKind));
        }
    }

    private OrgUnit with(
            String newName,
            OrgUnitId newParentId,
            OrgPath newPath,
            LocalDate newDissolvedOn,
            PendingMove newPendingMove,
            List<Term> newTerms,
            List<RoleRecord> newRoles) {
        return new OrgUnit(
                id,
                code,
                newName,
                kind,
                newParentId,
                newPath,
                version + 1,
                createdAt,
                newDissolvedOn,
                newPendingMove,
                newTerms,
                newRoles,
                establishedOn);
    }
}
