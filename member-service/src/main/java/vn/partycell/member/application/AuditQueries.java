package vn.partycell.member.application;

import java.util.List;
import org.springframework.stereotype.Service;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Grant;
import vn.partycell.platform.security.Role;

/**
 * Reads the audit log: superiors (cấp ủy cấp trên) only, each line under the org path it was written
 * at. By record: 404 when none of the paths the record's lines were written under is in the caller's
 * subtree, 403 when the caller is a superior over none of them; else the lines written under the
 * caller's superior subtrees (after a transfer the former cell's superiors keep the lines of the time
 * the member was theirs, the new cell's read the lines from the transfer on). By user: only the lines
 * written under the subtrees the caller is a superior of.
 */
@Service
public class AuditQueries {

    static final Role READS_AUDIT = Role.SUPERIOR;

    private final AuditLog log;

    public AuditQueries(AuditLog log) {
        this.log = log;
    }

    public ResultPage<AuditEntry> ofRecord(Caller caller, String recordId, PageQuery page) {
        List<OrgPath> readable =
                log.recordPaths(recordId).stream().filter(caller::canRead).toList();
        if (readable.isEmpty()) {
            throw new NotFoundException("bản ghi", recordId);
        }
        if (readable.stream().noneMatch(p -> caller.canAct(p, READS_AUDIT))) {
            caller.requireRole(readable.getFirst(), READS_AUDIT);
        }
        return log.ofRecord(recordId, superiorScopes(caller), page);
    }

    public ResultPage<AuditEntry> ofUser(Caller caller, String subject, PageQuery page) {
        List<OrgPath> within = superiorScopes(caller);
        if (within.isEmpty()) {
            throw new ForbiddenException("Chỉ cấp ủy cấp trên được xem nhật ký thao tác");
        }
        return log.ofUser(subject, within, page);
    }

    private static List<OrgPath> superiorScopes(Caller caller) {
        return caller.grants().stream()
                .filter(g -> g.role().atLeast(READS_AUDIT))
                .map(Grant::org)
                .distinct()
                .toList();
    }
}
