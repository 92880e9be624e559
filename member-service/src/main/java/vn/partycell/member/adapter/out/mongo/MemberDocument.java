package vn.partycell.member.adapter.out.mongo;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.partycell.member.application.VietnameseCollation;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.PersonalData;
import vn.partycell.member.domain.StatusChange;
import vn.partycell.platform.kernel.OrgPath;

/**
 * A member as stored: unique citizen ID, indexed by cell and by org path for scoped queries. The
 * name's Vietnamese sort key and folded words are computed at every write (see {@link
 * VietnameseCollation}) so that lists sort and filter by an index; {@code nameKeys} says which
 * version computed them ({@link MemberNameKeysBackfill} recomputes older ones at start).
 */
@Document(MongoMemberRepository.COLLECTION)
@CompoundIndex(name = "vietnamese_order", def = "{'sortKey': 1, '_id': 1}")
@CompoundIndex(name = "cell_vietnamese_order", def = "{'cellId': 1, 'sortKey': 1, '_id': 1}")
@CompoundIndex(name = "party_card", def = "{'person.partyCardNumber': 1}")
@CompoundIndex(name = "status_vietnamese_order", def = "{'status': 1, 'sortKey': 1, '_id': 1}")
public record MemberDocument(
        @Id String id,
        PersonalData person,
        @Indexed String cellId,
        String partyGroupId,
        @Indexed String orgPath,
        MemberStatus status,
        boolean exempted,
        LocalDate joinedOn,
        List<StatusChange> history,
        long version,
        @Indexed(unique = true) String citizenId,
        String sortKey,
        @Indexed List<String> nameWords,
        @Indexed String nameKeys) {

    static MemberDocument from(Member m) {
        return new MemberDocument(
                m.id().value().toString(),
                m.person(),
                m.cellId().value().toString(),
                m.partyGroupId() == null ? null : m.partyGroupId().value().toString(),
                m.orgPath().value(),
                m.status(),
                m.exempted(),
                m.joinedOn(),
                m.history(),
                m.version(),
                m.person().citizenId(),
                VietnameseCollation.sortKey(m.person().fullName()),
                VietnameseCollation.foldedWords(m.person().fullName()),
                VietnameseCollation.VERSION);
    }

    Member toDomain() {
        return new Member(
                MemberId.of(id),
                person,
                OrgUnitId.of(cellId),
                partyGroupId == null ? null : OrgUnitId.of(partyGroupId),
                OrgPath.of(orgPath),
                status,
                exempted,
                joinedOn,
                history == null ? List.of() : history,
                version);
    }
}
