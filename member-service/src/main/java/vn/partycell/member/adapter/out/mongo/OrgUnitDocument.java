package vn.partycell.member.adapter.out.mongo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.partycell.member.domain.CompositionWarning;
import vn.partycell.member.domain.ElectedRole;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.member.domain.PendingMove;
import vn.partycell.member.domain.RoleRecord;
import vn.partycell.member.domain.Term;
import vn.partycell.platform.kernel.OrgPath;

/**
 * An org unit as stored; the unique path makes a code unique among its siblings. Null fields are not
 * written, so an update never clears {@code fullMembers}/{@code compositionWarnings} (kept by
 * {@code storeComposition}) nor the pending move (cleared only by the move job). Documents stored
 * before {@code establishedOn} was kept have none.
 */
@Document(MongoOrgUnitRepository.COLLECTION)
@CompoundIndex(name = "cells_with_warnings", def = "{'kind': 1, 'compositionWarnings.code': 1, 'orgPath': 1}")
@CompoundIndex(name = "role_records_by_member", def = "{'roles.memberId': 1}")
@CompoundIndex(name = "role_records_by_role", def = "{'roles.role': 1, 'orgPath': 1}")
public record OrgUnitDocument(
        @Id String id,
        String code,
        String name,
        OrgUnitKind kind,
        @Indexed String parentId,
        @Indexed(unique = true) String orgPath,
        long version,
        Instant createdAt,
        LocalDate establishedOn,
        LocalDate dissolvedOn,
        @Indexed(sparse = true, name = "pending_moves") PendingMoveDocument pendingMove,
        List<TermDocument> terms,
        List<RoleDocument> roles,
        Long fullMembers,
        List<CompositionWarning> compositionWarnings) {

    record PendingMoveDocument(String from, String to, Instant startedAt, long total, long done) {}

    record TermDocument(String id, String name, LocalDate start, LocalDate end) {}

    /** Both kinds of role record in one shape: {@code ended} tells which. */
    record RoleDocument(
            String assignmentId,
            boolean ended,
            String memberId,
            ElectedRole role,
            LocalDate from,
            String termId,
            LocalDate on,
            String reason,
            String recordedBy,
            Instant recordedAt) {}

    static OrgUnitDocument from(OrgUnit u) {
        PendingMove m = u.pendingMove();
        return new OrgUnitDocument(
                u.id().value().toString(),
                u.code(),
                u.name(),
                u.kind(),
                u.parentId() == null ? null : u.parentId().value().toString(),
                u.orgPath().value(),
                u.version(),
                u.createdAt(),
                u.establishedOn(),
                u.dissolvedOn(),
                m == null
                        ? null
                        : new PendingMoveDocument(m.from().value(), m.to().value(), m.startedAt(), m.total(), m.done()),
                u.terms().stream()
                        .map(t -> new TermDocument(t.id().toString(), t.name(), t.start(), t.end()))
                        .toList(),
                u.roles().stream().map(OrgUnitDocument::role).toList(),
                null,
                null);
    }

    private static RoleDocument role(RoleRecord r) {
        return switch (r) {
            case RoleRecord.Assigned a ->
                new RoleDocument(
                        a.assignmentId().toString(),
                        false,
                        a.memberId().value().toString(),
                        a.role(),
                        a.from(),
                        a.termId() == null ? null : a.termId().toString(),
                        null,
                        null,
                        a.recordedBy(),
                        a.recordedAt());
            case RoleRecord.Ended e ->
                new RoleDocument(
                        e.assignmentId().toString(),
                        true,
                        null,
                        null,
                        null,
                        null,
                        e.on(),
                        e.reason(),
                        e.recordedBy(),
                        e.recordedAt());
        };
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
                createdAt,
                dissolvedOn,
                pendingMove == null
                        ? null
                        : new PendingMove(
                                OrgPath.of(pendingMove.from()),
                                OrgPath.of(pendingMove.to()),
                                pendingMove.startedAt(),
                                pendingMove.total(),
                                pendingMove.done()),
                terms == null
                        ? List.of()
                        : terms.stream()
                                .map(t -> new Term(UUID.fromString(t.id()), t.name(), t.start(), t.end()))
                                .toList(),
                roles == null
                        ? List.of()
                        : roles.stream().map(OrgUnitDocument::role).toList(),
                // Absent on documents stored before it was kept: the domain reads it as the createdAt day.
                establishedOn);
    }

    private static RoleRecord role(RoleDocument r) {
        UUID assignment = UUID.fromString(r.assignmentId());
        if (r.ended()) {
            return new RoleRecord.Ended(assignment, r.on(), r.reason(), r.recordedBy(), r.recordedAt());
        }
        return new RoleRecord.Assigned(
                assignment,
                MemberId.of(r.memberId()),
                r.role(),
                r.from(),
                r.termId() == null ? null : UUID.fromString(r.termId()),
                r.recordedBy(),
                r.recordedAt());
    }
}
