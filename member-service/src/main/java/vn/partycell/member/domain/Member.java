package vn.partycell.member.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * A party member (đảng viên), registered in one cell (chi bộ) and possibly one of its party groups.
 * Every change of standing is a dated line appended to {@link #history()} and the current state is
 * derived from those lines ({@link #state()}); a wrong line is voided by a correcting line, never
 * edited. Discipline decisions (kỷ luật) and identity corrections are kept the same way. Each
 * command returns the new state with the events it causes ({@code members.member.*}).
 *
 * @param recognitionDueOn when a probationary member's probation ends (policy months after
 *     admission), or null for a member admitted as full
 */
public record Member(
        MemberId id,
        PersonalData person,
        OrgUnitId cellId,
        OrgUnitId partyGroupId,
        OrgPath orgPath,
        LocalDate joinedOn,
        List<StatusChange> history,
        long version,
        LocalDate recognitionDueOn,
        List<DisciplineDecision> discipline,
        List<IdentityCorrection> identityCorrections) {

    public Member {
        Objects.requireNonNull(id);
        Objects.requireNonNull(person);
        Objects.requireNonNull(cellId);
        Objects.requireNonNull(orgPath);
        history = List.copyOf(history);
        discipline = discipline == null ? List.of() : List.copyOf(discipline);
        identityCorrections = identityCorrections == null ? List.of() : List.copyOf(identityCorrections);
    }

    /**
     * Admission into a cell, checked against the cell and party group it names ({@code
     * infra/docs/rules.md} 2.1); a probationary member's recognition falls due {@code
     * probationMonths} later (2.5).
     */
    public static Change<Member, MemberEvent> register(
            MemberId id,
            PersonalData person,
            OrgUnit cell,
            OrgUnit partyGroup,
            MemberStatus status,
            boolean exempted,
            LocalDate joinedOn,
            int probationMonths,
            String recordedBy,
            Instant now,
            LocalDate today) {
        Map<String, Object> problems = new LinkedHashMap<>();
        if (!cell.isCell()) {
            problems.put("cellId", "phải là một chi bộ (CELL), không phải " + cell.kind());
        } else if (cell.isDissolved()) {
            problems.put("cellId", "chi bộ đã giải thể ngày " + cell.dissolvedOn());
        }
        if (partyGroup != null
                && (partyGroup.kind() != OrgUnitKind.PARTY_GROUP || !cell.id().equals(partyGroup.parentId()))) {
            problems.put("partyGroupId", "phải là một tổ đảng thuộc chi bộ đã chọn");
        } else if (partyGroup != null && partyGroup.isDissolved()) {
            problems.put("partyGroupId", "tổ đảng đã giải thể ngày " + partyGroup.dissolvedOn());
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
        List<StatusChange> history = new ArrayList<>();
        history.add(new StatusChange(
                UUID.randomUUID(),
                StatusChangeKind.ADMISSION,
                joinedOn,
                "Kết nạp / tiếp nhận",
                recordedBy,
                now,
                status,
                null,
                null,
                null,
                null,
                null));
        if (exempted) {
            history.add(StatusChange.simple(
                    StatusChangeKind.EXEMPTION, joinedOn, "Miễn sinh hoạt khi tiếp nhận", recordedBy, now));
        }
        Member member = new Member(
                id,
                person,
                cell.id(),
                partyGroup == null ? null : partyGroup.id(),
                cell.orgPath(),
                joinedOn,
                history,
                1,
                status == MemberStatus.PROBATIONARY ? joinedOn.plusMonths(probationMonths) : null,
                List.of(),
                List.of());
        return Change.of(member, new MemberEvent.Registered(member));
    }

    /** The current state, replayed from the history. */
    public MemberState state() {
        return MemberState.of(history);
    }

    public MemberStatus status() {
        return state().status();
    }

    public boolean exempted() {
        return state().exempted();
    }

    /** Probationary or full (see {@link MemberStatus#isActive()}), also while in transit. */
    public boolean isActive() {
        return status().isActive();
    }

    /**
     * The cell whose meetings count this member: the host cell of an attachment or accepted
     * temporary transfer, else the home cell; empty while in transit.
     */
    public Optional<OrgUnitId> meetingCellId() {
        return switch (state()) {
            case MemberState.Active a ->
                Optional.of(a.attachment() == null ? cellId : a.attachment().otherCellId());
            case MemberState.InTransit t -> Optional.empty();
            case MemberState.Gone g -> Optional.of(cellId);
        };
    }

    /** The pending transfer request, if the member is in transit. */
    public Optional<StatusChange> pendingTransfer() {
        return state() instanceof MemberState.InTransit t ? Optional.of(t.request()) : Optional.empty();
    }

    /** Công nhận đảng viên chính thức: not before the probation's end ({@code infra/docs/rules.md} 2.5). */
    public Change<Member, MemberEvent> recognise(
            LocalDate effectiveOn, String reason, String recordedBy, Instant now, LocalDate today) {
        checkDate("effectiveOn", effectiveOn, today);
        if (recognitionDueOn != null && effectiveOn.isBefore(recognitionDueOn)) {
            throw fieldProblem(
                    "recognition-too-early", "effectiveOn", "chưa đủ thời gian dự bị: sớm nhất là " + recognitionDueOn);
        }
        return append(StatusChange.simple(StatusChangeKind.RECOGNITION, effectiveOn, reason, recordedBy, now));
    }

    /** Miễn sinh hoạt from a date, with its planned end ({@code until} may be null). */
    public Change<Member, MemberEvent> exempt(
            LocalDate from, LocalDate until, String reason, String recordedBy, Instant now, LocalDate today) {
        checkDate("from", from, today);
        checkUntil(from, until);
        return append(new StatusChange(
                UUID.randomUUID(),
                StatusChangeKind.EXEMPTION,
                from,
                reason,
                recordedBy,
                now,
                null,
                until,
                null,
                null,
                null,
                null));
    }

    public Change<Member, MemberEvent> endExemption(
            LocalDate on, String reason, String recordedBy, Instant now, LocalDate today) {
        checkDate("effectiveOn", on, today);
        return append(StatusChange.simple(StatusChangeKind.EXEMPTION_END, on, reason, recordedBy, now));
    }

    /** Sinh hoạt tạm thời at another cell: counted there for meetings, still registered here. */
    public Change<Member, MemberEvent> attach(
            OrgUnit host,
            LocalDate from,
            LocalDate until,
            String reason,
            String recordedBy,
            Instant now,
            LocalDate today) {
        checkOtherCell("hostCellId", host);
        checkDate("from", from, today);
        checkUntil(from, until);
        return append(new StatusChange(
                UUID.randomUUID(),
                StatusChangeKind.ATTACHMENT,
                from,
                reason,
                recordedBy,
                now,
                null,
                until,
                host.id(),
                host.orgPath(),
                null,
                null));
    }

    public Change<Member, MemberEvent> endAttachment(
            LocalDate on, String reason, String recordedBy, Instant now, LocalDate today) {
        checkDate("effectiveOn", on, today);
        return append(StatusChange.simple(StatusChangeKind.ATTACHMENT_END, on, reason, recordedBy, now));
    }

    /** Chuyển sinh hoạt đảng: the member is in transit until the receiving cell answers. */
    public Change<Member, MemberEvent> requestTransfer(
            OrgUnit to,
            TransferKind kind,
            LocalDate from,
            LocalDate until,
            String reason,
            String recordedBy,
            Instant now,
            LocalDate today) {
        checkOtherCell("toCellId", to);
        checkDate("from", from, today);
        checkUntil(from, until);
        if (kind == TransferKind.OFFICIAL && until != null) {
            throw fieldProblem("transfer-invalid", "until", "chuyển sinh hoạt chính thức không có ngày kết thúc");
        }
        return append(new StatusChange(
                UUID.randomUUID(),
                StatusChangeKind.TRANSFER_REQUESTED,
                from,
                reason,
                recordedBy,
                now,
                null,
                until,
                to.id(),
                to.orgPath(),
                kind,
                null));
    }

    /**
     * The receiving cell accepts or refuses a pending transfer. An accepted official transfer moves
     * the record to the receiving cell (its path, no party group); a temporary one makes the member
     * meet there while registered here.
     */
    public Change<Member, MemberEvent> answerTransfer(
            UUID transferId,
            boolean accepted,
            OrgUnit receivingCell,
            LocalDate on,
            String reason,
            String recordedBy,
            Instant now,
            LocalDate today) {
        StatusChange request = pendingTransfer()
                .filter(r -> r.entryId().equals(transferId))
                .orElseThrow(() -> new RuleViolationException(
                        "no-such-transfer", "Không có yêu cầu chuyển sinh hoạt đang chờ với mã này"));
        if (!request.otherCellId().equals(receivingCell.id())) {
            throw new IllegalArgumentException("the receiving cell is the one the request names");
        }
        checkDate("effectiveOn", on, today);
        if (accepted && receivingCell.isDissolved()) {
            // The cell may have been dissolved while the request waited; it can still refuse.
            throw fieldProblem(
                    "org-unit-dissolved", "accepted", "chi bộ nhận đã giải thể ngày " + receivingCell.dissolvedOn());
        }
        if (on.isBefore(request.effectiveOn())) {
            throw fieldProblem(
                    "transfer-invalid", "effectiveOn", "không được trước ngày chuyển " + request.effectiveOn());
        }
        StatusChange answer = new StatusChange(
                UUID.randomUUID(),
                accepted ? StatusChangeKind.TRANSFER_ACCEPTED : StatusChangeKind.TRANSFER_REFUSED,
                on,
                reason,
                recordedBy,
                now,
                null,
                null,
                receivingCell.id(),
                receivingCell.orgPath(),
                request.transferKind(),
                transferId);
        Member next = withHistory(answer);
        if (accepted && request.transferKind() == TransferKind.OFFICIAL) {
            next = new Member(
                    id,
                    person,
                    receivingCell.id(),
                    null,
                    receivingCell.orgPath(),
                    joinedOn,
                    next.history,
                    next.version,
                    recognitionDueOn,
                    discipline,
                    identityCorrections);
        }
        next.state();
        return Change.of(next, new MemberEvent.Updated(next));
    }

    /**
     * The earliest planned end ({@code until}) of the exemption or attachment in force, if any: the
     * day {@link #applyPlannedEnds} ends it.
     */
    public Optional<LocalDate> nextPlannedEnd() {
        if (!(state() instanceof MemberState.Active a)) {
            return Optional.empty();
        }
        LocalDate next = null;
        for (StatusChange line : new StatusChange[] {a.exemption(), a.attachment()}) {
            if (line != null
                    && line.until() != null
                    && (next == null || line.until().isBefore(next))) {
                next = line.until();
            }
        }
        return Optional.ofNullable(next);
    }

    /**
     * Planned ends that have come: an exemption or attachment (or accepted temporary transfer) whose
     * {@code until} is on or before {@code today} ends by a line dated that {@code until}, recorded by
     * {@code recordedBy} (the planned-ends job), so the derived state and the published event follow
     * from the history like any other end. Empty when nothing is due.
     */
    public Optional<Change<Member, MemberEvent>> applyPlannedEnds(LocalDate today, String recordedBy, Instant now) {
        if (!(state() instanceof MemberState.Active a)) {
            return Optional.empty();
        }
        List<StatusChange> ends = new ArrayList<>();
        if (a.exemption() != null
                && a.exemption().until() != null
                && !a.exemption().until().isAfter(today)) {
            ends.add(StatusChange.simple(
                    StatusChangeKind.EXEMPTION_END,
                    a.exemption().until(),
                    "Hết thời hạn miễn sinh hoạt theo kế hoạch",
                    recordedBy,
                    now));
        }
        if (a.attachment() != null
                && a.attachment().until() != null
                && !a.attachment().until().isAfter(today)) {
            ends.add(StatusChange.simple(
                    StatusChangeKind.ATTACHMENT_END,
                    a.attachment().until(),
                    "Hết thời hạn sinh hoạt tạm thời theo kế hoạch",
                    recordedBy,
                    now));
        }
        if (ends.isEmpty()) {
            return Optional.empty();
        }
        ends.sort(java.util.Comparator.comparing(StatusChange::effectiveOn));
        List<StatusChange> lines = new ArrayList<>(history);
        lines.addAll(ends);
        Member next = new Member(
                id,
                person,
                cellId,
                partyGroupId,
                orgPath,
                joinedOn,
                lines,
                version + 1,
                recognitionDueOn,
                discipline,
                identityCorrections);
        next.state();
        return Optional.of(Change.of(next, new MemberEvent.Updated(next)));
    }

    /** Xóa tên (final). */
    public Change<Member, MemberEvent> remove(
            LocalDate on, String reason, String recordedBy, Instant now, LocalDate today) {
        checkDate("effectiveOn", on, today);
        return append(StatusChange.simple(StatusChangeKind.REMOVAL, on, reason, recordedBy, now));
    }

    /** Từ trần (final). */
    public Change<Member, MemberEvent> recordDeath(
            LocalDate on, String reason, String recordedBy, Instant now, LocalDate today) {
        checkDate("effectiveOn", on, today);
        return append(StatusChange.simple(StatusChangeKind.DEATH, on, reason, recordedBy, now));
    }

    /**
     * A discipline decision; an expulsion (khai trừ) also ends the membership in the same change.
     * The year it counts against lies between admission and the decision.
     */
    public Change<Member, MemberEvent> decideDiscipline(
            DisciplineKind kind,
            LocalDate decidedOn,
            String issuingBody,
            String reason,
            int countsForYear,
            String recordedBy,
            Instant now,
            LocalDate today) {
        checkDate("decidedOn", decidedOn, today);
        if (countsForYear < joinedOn.getYear() || countsForYear > decidedOn.getYear()) {
            throw fieldProblem(
                    "discipline-invalid",
                    "year",
                    "phải từ năm vào Đảng (" + joinedOn.getYear() + ") đến năm quyết định (" + decidedOn.getYear()
                            + ")");
        }
        if (state() instanceof MemberState.Gone gone) {
            throw new RuleViolationException(
                    "member-gone", "Đảng viên đã ở trạng thái " + gone.status() + "; không thể ghi nhận thêm");
        }
        DisciplineDecision decision = new DisciplineDecision(
                UUID.randomUUID(), kind, decidedOn, issuingBody, reason, countsForYear, recordedBy, now);
        List<DisciplineDecision> decisions = new ArrayList<>(discipline);
        decisions.add(decision);
        List<StatusChange> lines = new ArrayList<>(history);
        if (kind == DisciplineKind.EXPULSION) {
            lines.add(new StatusChange(
                    UUID.randomUUID(),
                    StatusChangeKind.EXPULSION,
                    decidedOn,
                    reason,
                    recordedBy,
                    now,
                    null,
                    null,
                    null,
                    null,
                    null,
                    decision.decisionId()));
        }
        Member next = new Member(
                id,
                person,
                cellId,
                partyGroupId,
                orgPath,
                joinedOn,
                lines,
                version + 1,
                recognitionDueOn,
                decisions,
                identityCorrections);
        next.state();
        return Change.of(next, new MemberEvent.DisciplineDecided(next, decision, false), new MemberEvent.Updated(next));
    }

    /**
     * Voids one status line or discipline decision by a correcting line that names it. Admissions,
     * transfers (answer or refuse them instead), expulsion lines (correct the decision) and
     * corrections cannot be voided; the history that remains must still make sense.
     */
    public Change<Member, MemberEvent> correct(
            UUID entryId, String reason, String recordedBy, Instant now, LocalDate today) {
        boolean voided =
                history.stream().anyMatch(c -> c.kind() == StatusChangeKind.CORRECTION && entryId.equals(c.refersTo()));
        if (voided) {
            throw fieldProblem("already-corrected", "entryId", "mục này đã được đính chính");
        }
        Optional<StatusChange> line =
                history.stream().filter(c -> c.entryId().equals(entryId)).findFirst();
        Optional<DisciplineDecision> decision =
                discipline.stream().filter(d -> d.decisionId().equals(entryId)).findFirst();
        if (line.isEmpty() && decision.isEmpty()) {
            throw fieldProblem("no-such-entry", "entryId", "không có mục lịch sử hay quyết định kỷ luật với mã này");
        }
        if (line.isPresent()) {
            switch (line.get().kind()) {
                case ADMISSION, CORRECTION, EXPULSION, TRANSFER_REQUESTED, TRANSFER_ACCEPTED, TRANSFER_REFUSED ->
                    throw fieldProblem(
                            "not-correctable",
                            "entryId",
                            "không thể đính chính mục " + line.get().kind()
                                    + " (kết nạp, chuyển sinh hoạt, khai trừ: đính chính quyết định kỷ luật)");
                default -> {}
            }
        }
        StatusChange correction = new StatusChange(
                UUID.randomUUID(),
                StatusChangeKind.CORRECTION,
                today,
                reason,
                recordedBy,
                now,
                null,
                null,
                null,
                null,
                null,
                entryId);
        Member next = withHistory(correction);
        try {
            next.state();
        } catch (RuleViolationException e) {
            throw new RuleViolationException(
                    "correction-inconsistent",
                    "Không thể đính chính mục này: lịch sử còn lại không hợp lệ (" + e.getMessage() + ")",
                    Map.of("fields", Map.of("entryId", e.getMessage())));
        }
        if (decision.isPresent()) {
            return Change.of(
                    next, new MemberEvent.DisciplineDecided(next, decision.get(), true), new MemberEvent.Updated(next));
        }
        return Change.of(next, new MemberEvent.Updated(next));
    }

    /** Đính chính lý lịch: the new identity replaces the old one, which stays in the corrections. */
    public Change<Member, MemberEvent> correctIdentity(
            PersonalData corrected, String reason, String recordedBy, Instant now) {
        if (!corrected.dateOfBirth().isBefore(joinedOn)) {
            throw fieldProblem("member-invalid", "dateOfBirth", "phải trước ngày vào Đảng");
        }
        if (corrected.equals(person)) {
            throw new RuleViolationException("no-change", "Thông tin mới trùng với thông tin hiện tại");
        }
        List<IdentityCorrection> corrections = new ArrayList<>(identityCorrections);
        corrections.add(new IdentityCorrection(UUID.randomUUID(), person, reason, recordedBy, now));
        Member next = new Member(
                id,
                corrected,
                cellId,
                partyGroupId,
                orgPath,
                joinedOn,
                history,
                version + 1,
                recognitionDueOn,
                discipline,
                corrections);
        return Change.of(next, new MemberEvent.Updated(next));
    }

    private Change<Member, MemberEvent> append(StatusChange line) {
        Member next = withHistory(line);
        next.state();
        return Change.of(next, new MemberEvent.Updated(next));
    }

    private Member withHistory(StatusChange line) {
        List<StatusChange> lines = new ArrayList<>(history);
        lines.add(line);
        return new Member(
                id,
                person,
                cellId,
                partyGroupId,
                orgPath,
                joinedOn,
                lines,
                version + 1,
                recognitionDueOn,
                discipline,
                identityCorrections);
    }

    private void checkDate(String field, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw fieldProblem("date-invalid", field, "không được ở tương lai");
        }
        if (date.isBefore(joinedOn)) {
            throw fieldProblem("date-invalid", field, "không được trước ngày vào Đảng (" + joinedOn + ")");
        }
    }

    private static void checkUntil(LocalDate from, LocalDate until) {
        if (until != null && !until.isAfter(from)) {
            throw fieldProblem("date-invalid", "until", "phải sau ngày bắt đầu " + from);
        }
    }

    private void checkOtherCell(String field, OrgUnit cell) {
        if (!cell.isCell()) {
            throw fieldProblem("not-a-cell", field, "phải là một chi bộ (CELL), không phải " + cell.kind());
        }
        if (cell.id().equals(cellId)) {
            throw fieldProblem("same-cell", field, "phải là chi bộ khác với chi bộ đang sinh hoạt");
        }
        if (cell.isDissolved()) {
            throw fieldProblem("org-unit-dissolved", field, "chi bộ đã giải thể ngày " + cell.dissolvedOn());
        }
    }

    private static RuleViolationException fieldProblem(String code, String field, String message) {
        return new RuleViolationException(code, message, Map.of("fields", Map.of(field, message)));
    }

    /**
     * The member after an ancestor of their cell moved in the tree: same record under the new path,
     * announced as an update so that consumers' rosters follow.
     */
    public Change<Member, MemberEvent> repath(OrgPath newPath) {
        Member moved = new Member(
                id,
                person,
                cellId,
                partyGroupId,
                newPath,
                joinedOn,
                history,
                version + 1,
                recognitionDueOn,
                discipline,
                identityCorrections);
        return Change.of(moved, new MemberEvent.Updated(moved));
    }
}
