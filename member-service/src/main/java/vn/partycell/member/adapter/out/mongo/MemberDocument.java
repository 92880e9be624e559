package vn.partycell.member.adapter.out.mongo;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.PersonalData;
import vn.partycell.member.domain.StatusChange;
import vn.partycell.platform.kernel.OrgPath;

/** A member as stored: unique citizen ID, indexed by cell and by org path for scoped queries. */
@Document(MongoMemberRepository.COLLECTION)
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
        @Indexed(unique = true) String citizenId) {

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
                m.person().citizenId());
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
