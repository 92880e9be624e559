package vn.partycell.member.adapter.out.mongo;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.platform.kernel.OrgPath;

/** An org unit as stored; the unique path makes a code unique among its siblings. */
@Document(MongoOrgUnitRepository.COLLECTION)
public record OrgUnitDocument(
        @Id String id,
        String code,
        String name,
        OrgUnitKind kind,
        @Indexed String parentId,
        @Indexed(unique = true) String orgPath,
        long version,
        Instant createdAt) {

    static OrgUnitDocument from(OrgUnit u) {
        return new OrgUnitDocument(
                u.id().value().toString(),
                u.code(),
                u.name(),
                u.kind(),
                u.parentId() == null ? null : u.parentId().value().toString(),
                u.orgPath().value(),
                u.version(),
                u.createdAt());
    }

    OrgUnit toDomain() {
        return new OrgUnit(
                OrgUnitId.of(id),
                code,
                name,
                kind,
                parentId == null ? null : OrgUnitId.of(parentId),
                OrgPath.of(orgPath),
                version,
                createdAt);
    }
}
