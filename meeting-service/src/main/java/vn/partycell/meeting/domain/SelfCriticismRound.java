package vn.partycell.meeting.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * A cell's self-criticism of one month (tự phê bình, DOMAIN §4): every party group nominates one of
 * its members, the committee picks one of the nominees to self-criticise at the cell meeting, and
 * the outcome is recorded once. Nominations may change until the pick, the pick until the outcome;
 * the outcome is final and is the fact scoring counts. {@code version} 0 is a round not stored yet.
 */
public record SelfCriticismRound(
        SelfCriticismRoundId id,
        OrgPath orgPath,
        Map<OrgUnitId, Nomination> nominations,
        MemberId picked,
        String pickedBy,
        SelfCriticismOutcome outcome,
        long version) {

    public SelfCriticismRound {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgPath, "orgPath");
        nominations = Collections.unmodifiableMap(new LinkedHashMap<>(nominations));
        if (picked != null
                && nominations.values().stream().noneMatch(n -> n.memberId().equals(picked))) {
            throw new IllegalArgumentException("the picked member is one of the nominees");
        }
        if (outcome != null && picked == null) {
            throw new IllegalArgumentException("an outcome is recorded for the picked member");
        }
    }

    /** The round of a month before anything is recorded for it. */
    public static SelfCriticismRound open(SelfCriticismRoundId id, OrgPath cellPath) {
        return new SelfCriticismRound(id, cellPath, Map.of(), null, null, null, 0);
    }

    public YearMonth month() {
        return id.month();
    }

    /** The member went through self-criticism this month: a turn taken in the rotation. */
    public Optional<MemberId> turnTaken() {
        return outcome != null && outcome.done() ? Optional.of(picked) : Optional.empty();
    }

    /** The nomination the committee picked, if it has picked. */
    public Optional<Nomination> pickedNomination() {
        return nominations.values().stream()
                .filter(n -> n.memberId().equals(picked))
                .findFirst();
    }

    /**
     * A party group names its nominee, replacing an earlier one of the same group. The nominee must
     * be one of {@code eligible}: the group's active members who are not exempted (miễn sinh hoạt)
     * and not in transit.
     */
    public Change<SelfCriticismRound, SelfCriticismEvent> nominate(
            PartyGroup group,
            MemberId memberId,
            Collection<RosterMember> eligible,
            String note,
            String by,
            Instant at) {
        requireNoOutcome();
        if (picked != null) {
            throw new ConflictException(
                    "self-criticism-picked",
                    "Chi ủy đã chọn người tự phê bình của tháng " + month() + "; không thể thay đổi đề cử");
        }
        if (eligible.stream().noneMatch(m -> m.memberId().equals(memberId))) {
            throw new RuleViolationException(
                    "nominee-not-in-group",
                    "Đảng viên " + memberId + " không thuộc " + group.name()
                            + " hoặc đang được miễn sinh hoạt, chuyển sinh hoạt; không thể đề cử",
                    Map.of("field", "memberId", "partyGroupId", group.id().toString()));
        }
        Map<OrgUnitId, Nomination> next = new LinkedHashMap<>(nominations);
        next.put(group.id(), new Nomination(group.id(), memberId, note, by, at));
        return Change.silent(new SelfCriticismRound(id, orgPath, next, null, null, null, version + 1));
    }

    /** The committee (chi ủy) picks one of the nominees to self-criticise at the cell meeting. */
    public Change<SelfCriticismRound, SelfCriticismEvent> pick(MemberId memberId, String by) {
        requireNoOutcome();
        if (nominations.values().stream().noneMatch(n -> n.memberId().equals(memberId))) {
            throw new RuleViolationException(
                    "not-a-nominee",
                    "Đảng viên " + memberId + " không có trong danh sách đề cử của các tổ đảng tháng " + month(),
                    Map.of("field", "memberId"));
        }
        return Change.silent(new SelfCriticismRound(id, orgPath, nominations, memberId, by, null, version + 1));
    }

    /**
     * Records what came of it, once: done, or not done with the reason. Not for a month that has not
     * begun ({@code currentMonth} is the Vietnamese month of today).
     */
    public Change<SelfCriticismRound, SelfCriticismEvent> recordOutcome(
            boolean done, String reason, String note, String by, Instant at, YearMonth currentMonth) {
        requireNoOutcome();
        if (month().isAfter(currentMonth)) {
            throw new RuleViolationException(
                    "month-not-reached",
                    "Tháng " + month() + " chưa đến; chưa thể ghi kết quả tự phê bình",
                    Map.of("field", "month"));
        }
        if (picked == null) {
            throw new RuleViolationException(
                    "self-criticism-not-picked",
                    "Chi ủy chưa chọn người tự phê bình của tháng " + month(),
                    Map.of("field", "picked"));
        }
        if (!done && (reason == null || reason.isBlank())) {
            throw new RuleViolationException(
                    "reason-required", "Chưa tự phê bình thì cần ghi rõ lý do", Map.of("field", "reason"));
        }
        SelfCriticismOutcome recorded = new SelfCriticismOutcome(done, done ? null : reason.strip(), note, by, at);
        SelfCriticismRound next =
                new SelfCriticismRound(id, orgPath, nominations, picked, pickedBy, recorded, version + 1);
        return Change.of(next, new SelfCriticismEvent.Recorded(next));
    }

    private void requireNoOutcome() {
        if (outcome != null) {
            throw new ConflictException(
                    "self-criticism-recorded",
                    "Kết quả tự phê bình tháng " + month() + " đã được ghi; không thể thay đổi");
        }
    }
}
