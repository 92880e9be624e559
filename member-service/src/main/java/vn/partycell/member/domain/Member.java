package vn.partycell.member.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * A party member (đảng viên), kept in one cell (chi bộ) and possibly one of its party groups. Status
 * changes append to {@link #history()}; nothing is overwritten. Each command returns the new state
 * with the event it causes, which other contexts follow ({@code members.member.*}).
 */
public record Member(
        MemberId id,
        PersonalData person,
        OrgUnitId cellId,
        OrgUnitId partyGroupId,
        OrgPath orgPath,
        MemberStatus status,
        boolean exempted,
        LocalDate joinedOn,
        List<StatusChange> history,
        long version) {

    public Member {
        Objects.requireNonNull(id);
        Objects.requireNonNull(person);
        Objects.requireNonNull(cellId);
        Objects.requireNonNull(orgPath);
        Objects.requireNonNull(status);
        history = List.copyOf(history);
    }

    /** Admission into a cell, checked against the cell and party group it names ({@code infra/docs/rules.md} 2.1). */
    public static Change<Member, MemberEvent> register(
            MemberId id,
            PersonalData person,
            OrgUnit cell,
            OrgUnit partyGroup,
            MemberStatus status,
            boolean exempted,
            LocalDate joinedOn,
            String recordedBy,
            Instant now,
            LocalDate today) {
        Map<String, Object> problems = new LinkedHashMap<>();
        if (!cell.isCell()) {
            problems.put("cellId", "phải là một chi bộ (CELL), không phải " + cell.kind());
        }
        if (partyGroup != null
                && (partyGroup.kind() != OrgUnitKind.PARTY_GROUP || !cell.id().equals(partyGroup.parentId()))) {
            problems.put("partyGroupId", "phải là một tổ đảng thuộc chi bộ đã chọn");
        }
        if (!status.isActive()) {
            problems.put("status", "đảng viên mới chỉ có thể là PROBATIONARY hoặc FULL");
        }
        if (joinedOn.isAfter(today)) {
            problems.put("joinedOn", "không được ở tương lai");
        }
        if (!person.dateOfBirth().isBefore(joinedOn)) {
            problems.put("dateOfBirth", "phải trước ngày vào Đảng");
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException(
                    "member-invalid", "Thông tin đảng viên không hợp lệ", Map.of("fields", problems));
        }
        StatusChange first = new StatusChange(joinedOn, status, exempted, "Kết nạp / tiếp nhận", recordedBy, now);
        Member member = new Member(
                id,
                person,
                cell.id(),
                partyGroup == null ? null : partyGroup.id(),
                cell.orgPath(),
                status,
                exempted,
                joinedOn,
                List.of(first),
                1);
        return Change.of(member, new MemberEvent.Registered(member));
    }

    /**
     * A dated change of status or exemption, e.g. recognition as a full member or exemption from
     * activities (miễn sinh hoạt). The previous state stays in the history. Only an active member
     * changes; a full member never goes back to probation.
     */
    public Change<Member, MemberEvent> changeStatus(
            MemberStatus newStatus,
            boolean newExempted,
            LocalDate effectiveOn,
            String reason,
            String recordedBy,
            Instant now) {
        if (!isActive()) {
            throw new RuleViolationException(
                    "member-inactive", "Đảng viên đã ở trạng thái " + status + "; không thể thay đổi tiếp");
        }
        if (newStatus == status && newExempted == exempted) {
            throw new RuleViolationException("no-change", "Trạng thái mới trùng với trạng thái hiện tại");
        }
        if (newStatus == MemberStatus.PROBATIONARY && status == MemberStatus.FULL) {
            throw new RuleViolationException("status-backwards", "Đảng viên chính thức không thể trở lại dự bị");
        }
        if (effectiveOn.isBefore(joinedOn)) {
            throw new RuleViolationException("effective-before-join", "Ngày hiệu lực không được trước ngày vào Đảng");
        }
        List<StatusChange> next = new ArrayList<>(history);
        next.add(new StatusChange(effectiveOn, newStatus, newExempted, reason, recordedBy, now));
        Member changed = new Member(
                id, person, cellId, partyGroupId, orgPath, newStatus, newExempted, joinedOn, next, version + 1);
        return Change.of(changed, new MemberEvent.Updated(changed));
    }

    /** Counted in the cell's roster and able to change status (see {@link MemberStatus#isActive()}). */
    public boolean isActive() {
        return status.isActive();
    }

    /**
     * The member after an ancestor of their cell moved in the tree: same record under the new path,
     * announced as an update so that consumers' rosters follow.
     */
    public Change<Member, MemberEvent> repath(OrgPath newPath) {
        Member moved =
                new Member(id, person, cellId, partyGroupId, newPath, status, exempted, joinedOn, history, version + 1);
        return Change.of(moved, new MemberEvent.Updated(moved));
    }
}
