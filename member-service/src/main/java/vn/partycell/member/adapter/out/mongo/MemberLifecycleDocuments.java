package vn.partycell.member.adapter.out.mongo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.partycell.member.domain.DisciplineDecision;
import vn.partycell.member.domain.DisciplineKind;
import vn.partycell.member.domain.Gender;
import vn.partycell.member.domain.IdentityCorrection;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.PersonalData;
import vn.partycell.member.domain.Residence;
import vn.partycell.member.domain.StatusChange;
import vn.partycell.member.domain.StatusChangeKind;
import vn.partycell.member.domain.TransferKind;
import vn.partycell.platform.kernel.OrgPath;

/**
 * The stored shape of a member's identity, status lines, discipline decisions and identity
 * corrections: ids as strings (the store has no UUID representation configured), field names kept
 * stable so queries and sorts can name them ({@code person.fullName}).
 */
final class MemberLifecycleDocuments {

    private MemberLifecycleDocuments() {}

    record PersonDocument(
            String fullName,
            LocalDate dateOfBirth,
            Gender gender,
            String citizenId,
            String partyCardNumber,
            String phone,
            String email,
            String address,
            String residencePlace,
            String residencePartyOrganisation,
            String residencePartyOrganisationId) {

        static PersonDocument from(PersonalData p) {
            Residence r = p.residence();
            return new PersonDocument(
                    p.fullName(),
                    p.dateOfBirth(),
                    p.gender(),
                    p.citizenId(),
                    p.partyCardNumber(),
                    p.phone(),
                    p.email(),
                    p.address(),
                    r == null ? null : r.place(),
                    r == null ? null : r.partyOrganisation(),
                    r == null || r.partyOrganisationId() == null
                            ? null
                            : r.partyOrganisationId().value().toString());
        }

        PersonalData toDomain() {
            Residence residence = residencePlace == null
                            && residencePartyOrganisation == null
                            && residencePartyOrganisationId == null
                    ? null
                    : new Residence(
                            residencePlace,
                            residencePartyOrganisation,
                            residencePartyOrganisationId == null ? null : OrgUnitId.of(residencePartyOrganisationId));
            return new PersonalData(
                    fullName, dateOfBirth, gender, citizenId, partyCardNumber, phone, email, address, residence);
        }
    }

    record StatusChangeDocument(
            String entryId,
            StatusChangeKind kind,
            LocalDate effectiveOn,
            String reason,
            String recordedBy,
            Instant recordedAt,
            MemberStatus admittedAs,
            LocalDate until,
            String otherCellId,
            String otherCellPath,
            TransferKind transferKind,
            String refersTo) {

        static StatusChangeDocument from(StatusChange c) {
            return new StatusChangeDocument(
                    c.entryId().toString(),
                    c.kind(),
                    c.effectiveOn(),
                    c.reason(),
                    c.recordedBy(),
                    c.recordedAt(),
                    c.admittedAs(),
                    c.until(),
                    c.otherCellId() == null ? null : c.otherCellId().value().toString(),
                    c.otherCellPath() == null ? null : c.otherCellPath().value(),
                    c.transferKind(),
                    c.refersTo() == null ? null : c.refersTo().toString());
        }

        StatusChange toDomain() {
            return new StatusChange(
                    UUID.fromString(entryId),
                    kind,
                    effectiveOn,
                    reason,
                    recordedBy,
                    recordedAt,
                    admittedAs,
                    until,
                    otherCellId == null ? null : OrgUnitId.of(otherCellId),
                    otherCellPath == null ? null : OrgPath.of(otherCellPath),
                    transferKind,
                    refersTo == null ? null : UUID.fromString(refersTo));
        }
    }

    record DisciplineDocument(
            String decisionId,
            DisciplineKind kind,
            LocalDate decidedOn,
            String issuingBody,
            String reason,
            int countsForYear,
            String recordedBy,
            Instant recordedAt) {

        static DisciplineDocument from(DisciplineDecision d) {
            return new DisciplineDocument(
                    d.decisionId().toString(),
                    d.kind(),
                    d.decidedOn(),
                    d.issuingBody(),
                    d.reason(),
                    d.countsForYear(),
                    d.recordedBy(),
                    d.recordedAt());
        }

        DisciplineDecision toDomain() {
            return new DisciplineDecision(
                    UUID.fromString(decisionId),
                    kind,
                    decidedOn,
                    issuingBody,
                    reason,
                    countsForYear,
                    recordedBy,
                    recordedAt);
        }
    }

    record IdentityCorrectionDocument(
            String correctionId, PersonDocument before, String reason, String recordedBy, Instant recordedAt) {

        static IdentityCorrectionDocument from(IdentityCorrection c) {
            return new IdentityCorrectionDocument(
                    c.correctionId().toString(),
                    PersonDocument.from(c.before()),
                    c.reason(),
                    c.recordedBy(),
                    c.recordedAt());
        }

        IdentityCorrection toDomain() {
            return new IdentityCorrection(
                    UUID.fromString(correctionId), before.toDomain(), reason, recordedBy, recordedAt);
        }
    }

    static <D, T> List<T> map(List<D> items, java.util.function.Function<D, T> f) {
        return items == null ? List.of() : items.stream().map(f).toList();
    }
}
