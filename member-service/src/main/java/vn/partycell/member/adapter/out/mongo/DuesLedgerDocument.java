package vn.partycell.member.adapter.out.mongo;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import vn.partycell.member.domain.DuesEntry;
import vn.partycell.member.domain.DuesLedger;
import vn.partycell.member.domain.DuesLedgerId;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.platform.kernel.OrgPath;

/**
 * A member's dues ledger of one year as stored, keyed {@code <member>:<year>}: every read goes by
 * that unique key (a cell's ledgers are found through its members, by the indexed cellId of
 * {@code members}), so no other index is needed. {@code monthsPaid} is derived, kept for operators.
 */
@Document(MongoDuesLedgerRepository.COLLECTION)
public record DuesLedgerDocument(
        @Id String id,
        String memberId,
        int year,
        String cellId,
        String orgPath,
        List<DuesEntry> entries,
        List<Integer> monthsPaid,
        long version) {

    static DuesLedgerDocument from(DuesLedger l) {
        return new DuesLedgerDocument(
                l.id().toString(),
                l.memberId().toString(),
                l.year(),
                l.cellId().toString(),
                l.orgPath().value(),
                l.entries(),
                l.monthsPaid(),
                l.version());
    }

    DuesLedger toDomain() {
        return new DuesLedger(
                DuesLedgerId.of(id),
                OrgUnitId.of(cellId),
                OrgPath.of(orgPath),
                entries == null ? List.of() : entries,
                version);
    }
}
