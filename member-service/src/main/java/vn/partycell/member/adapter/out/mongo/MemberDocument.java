package vn.partycell.member.adapter.out.mongo;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.partycell.member.adapter.out.mongo.MemberLifecycleDocuments.DisciplineDocument;
import vn.partycell.member.adapter.out.mongo.MemberLifecycleDocuments.IdentityCorrectionDocument;
import vn.partycell.member.adapter.out.mongo.MemberLifecycleDocuments.PersonDocument;
import vn.partycell.member.adapter.out.mongo.MemberLifecycleDocuments.StatusChangeDocument;
import vn.partycell.member.application.VietnameseCollation;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.platform.kernel.OrgPath;

/**
 * A member as stored: unique citizen ID, indexed by cell and by org path for scoped queries. {@code
 * status} and {@code exempted} are the state derived from {@code history}, kept for queries only;
 * reading rebuilds the state from the history. The recognitions-due list is served by
 * {@code (status, orgPath, recognitionDueOn)}. The name's Vietnamese sort key and folded words are
 * computed at every write (see {@link VietnameseCollation}) so that lists sort and filter by an index;
 * {@code nameKeys} says which version computed them ({@link MemberNameKeysBackfill} recomputes older
 * ones at start). {@code plannedEndOn} is the next planned end of the exemption or attachment in force,
 * which the planned-ends job looks up by its index. {@code partyCardNumber} is the card's unique key.
 */
@Document(MongoMemberRepository.COLLECTION)
@CompoundIndex(name = "recognitions_due", def = "{'status': 1, 'orgPath': 1, 'recognitionDueOn': 1}")
@CompoundIndex(name = "vietnamese_order", def = "{'sortKey': 1, '_id': 1}")
@CompoundIndex(name = "cell_vietnamese_order", def = "{'cellId': 1, 'sortKey': 1, '_id': 1}")
@CompoundIndex(name = "party_card", def = "{'person.partyCardNumber': 1}")
@CompoundIndex(name = "status_vietnamese_order", def = "{'status': 1, 'sortKey': 1, '_id': 1}")
public record MemberDocument(
        @Id String id,
        PersonDocument person,
        @Indexed String cellId,
        String partyGroupId,
        @Indexed String orgPath,
        MemberStatus status,
        boolean exempted,
        LocalDate joinedOn,
        List<StatusChangeDocument> history,
        long version,
        @Indexed(unique = true) String citizenId,
        String meetingCellId,
        LocalDate recognitionDueOn,
        List<DisciplineDocument> discipline,
        List<IdentityCorrectionDocument> identityCorrections,
        String sortKey,
        @Indexed List<String> nameWords,
        @Indexed String nameKeys,
        @Indexed(sparse = true, name = "planned_ends") LocalDate plannedEndOn,

        @Indexed(unique = true, sparse = true, name = PARTY_CARD_UNIQUE)
        String partyCardNumber) {

    /**
     * The card number's unique key (a top-level copy of {@code person.partyCardNumber}, sparse: a
     * member without a card holds none). A new name and field, so an existing store's non-unique
     * {@code party_card} index stays as it was (for the search) and nothing clashes at start.
     */
    static final String PARTY_CARD_UNIQUE = "party_card_number_unique";

    static MemberDocument from(Member m) {
        return new MemberDocument(
                m.id().value().toString(),
                PersonDocument.from(m.person()),
                m.cellId().value().toString(),
                m.partyGroupId() == null ? null : m.partyGroupId().value().toString(),
                m.orgPath().value(),
                m.status(),
                m.exempted(),
                m.joinedOn(),
                MemberLifecycleDocuments.map(m.history(), StatusChangeDocument::from),
                m.version(),
                m.person().citizenId(),
                m.meetingCellId().map(c -> c.value().toString()).orElse(null),
                m.recognitionDueOn(),
                MemberLifecycleDocuments.map(m.discipline(), DisciplineDocument::from),
                MemberLifecycleDocuments.map(m.identityCorrections(), IdentityCorrectionDocument::from),
                VietnameseCollation.sortKey(m.person().fullName()),
                VietnameseCollation.foldedWords(m.person().fullName()),
                VietnameseCollation.VERSION,
                m.nextPlannedEnd().orElse(null),
                m.person().partyCardNumber());
    }

    Member toDomain() {
        return new Member(
                MemberId.of(id),
                person.toDomain(),
                OrgUnitId.of(cellId),
                partyGroupId == null ? null : OrgUnitId.of(partyGroupId),
                OrgPath.of(orgPath),
                joinedOn,
                MemberLifecycleDocuments.map(history, StatusChangeDocument::toDomain),
                version,
                recognitionDueOn,
                MemberLifecycleDocuments.map(discipline, DisciplineDocument::toDomain),
                MemberLifecycleDocuments.map(identityCorrections, IdentityCorrectionDocument::toDomain));
    }
}
