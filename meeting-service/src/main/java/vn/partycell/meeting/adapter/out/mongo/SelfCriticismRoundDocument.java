package vn.partycell.meeting.adapter.out.mongo;

import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.partycell.meeting.domain.MemberId;
import vn.partycell.meeting.domain.Nomination;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.meeting.domain.SelfCriticismOutcome;
import vn.partycell.meeting.domain.SelfCriticismRound;
import vn.partycell.meeting.domain.SelfCriticismRoundId;
import vn.partycell.platform.kernel.OrgPath;

/**
 * A self-criticism round as stored: {@code _id} is {@code <cellId>:<yyyy-MM>}, so the round of a cell
 * and month is found by its unique key and a cell's history is one range of it; nominations are a
 * list (ids are not good field names); the outcome fields are null until it is recorded.
 */
@Document(MongoSelfCriticismRepository.COLLECTION)
public record SelfCriticismRoundDocument(
        @Id String id,
        String cellId,
        @Indexed String orgPath,
        int year,
        int month,
        List<NominationEntry> nominations,
        String picked,
        String pickedBy,
        Boolean done,
        String reason,
        String note,
        String recordedBy,
        Instant recordedAt,
        long version) {

    public record NominationEntry(
            String groupId, String memberId, String note, String nominatedBy, Instant nominatedAt) {}

    static SelfCriticismRoundDocument from(SelfCriticismRound r) {
        SelfCriticismOutcome o = r.outcome();
        return new SelfCriticismRoundDocument(
                r.id().toString(),
                r.id().cellId().toString(),
                r.orgPath().value(),
                r.month().getYear(),
                r.month().getMonthValue(),
                r.nominations().values().stream()
                        .map(n -> new NominationEntry(
                                n.groupId().toString(),
                                n.memberId().toString(),
                                n.note(),
                                n.nominatedBy(),
                                n.nominatedAt()))
                        .toList(),
                r.picked() == null ? null : r.picked().toString(),
                r.pickedBy(),
                o == null ? null : o.done(),
                o == null ? null : o.reason(),
                o == null ? null : o.note(),
                o == null ? null : o.recordedBy(),
                o == null ? null : o.recordedAt(),
                r.version());
    }

    SelfCriticismRound toDomain() {
        Map<OrgUnitId, Nomination> byGroup = new LinkedHashMap<>();
        for (NominationEntry n : nominations == null ? List.<NominationEntry>of() : nominations) {
            OrgUnitId group = OrgUnitId.of(n.groupId());
            byGroup.put(
                    group,
                    new Nomination(group, MemberId.of(n.memberId()), n.note(), n.nominatedBy(), n.nominatedAt()));
        }
        SelfCriticismRoundId roundId = SelfCriticismRoundId.of(id);
        if (!roundId.month().equals(YearMonth.of(year, month))) {
            throw new IllegalStateException("self-criticism round " + id + " stored with another month");
        }
        return new SelfCriticismRound(
                roundId,
                OrgPath.of(orgPath),
                byGroup,
                picked == null ? null : MemberId.of(picked),
                pickedBy,
                done == null ? null : new SelfCriticismOutcome(done, reason, note, recordedBy, recordedAt),
                version);
    }
}
