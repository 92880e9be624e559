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
 * Reads the audit log: superiors (cấp ủy cấp trên) only. By record: a superior over the record's
 * path (404 outside the caller's subtree, 403 inside with a lower role). By user: only the lines of
 * records under the subtrees the caller is a superior of.
 */
@Service
public class AuditQueries {

    static final Role READS_AUDIT = Role.SUPERIOR;

    private final AuditLog log;

    public AuditQueries(AuditLog log) {
        this.log = log;
    }

    public ResultPage<AuditEntry> ofRecord(Caller caller, String recordId, PageQuery page) {
        OrgPath path = log.recordPath(recordId).orElseThrow(() -> new NotFoundException("bản ghi", recordId));
        caller.requireRole(path, READS_AUDIT);
        return log.ofRecord(recordId, page);
    }

    public ResultPage<AuditEntry> ofUser(Caller caller, String subject, PageQuery page) {
        List<OrgPath> within = caller.grants().stream()
                .filter(g -> g.role().atLeast(READS_AUDIT))
                .map(Grant::org)
                .distinct()
                .toList();
        if (within.isEmpty()) {
            throw new ForbiddenException("Chỉ cấp ủy cấp trên được xem nhật ký thao tác");
        }
        return log.ofUser(subject, within, page);
    }
}
