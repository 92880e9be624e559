package vn.partycell.member.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;

/** The audit log port in memory: keeps the export lines the use cases write. */
class InMemoryAuditLog implements AuditLog {

    record Export(String recordKind, String recordId, OrgPath scope, String action, Map<String, String> details) {}

    final List<Export> exports = new ArrayList<>();

    @Override
    public void exported(
            String recordKind, String recordId, OrgPath scope, String action, Map<String, String> details) {
        exports.add(new Export(recordKind, recordId, scope, action, Map.copyOf(details)));
    }

    @Override
    public List<OrgPath> recordPaths(String recordId) {
        return List.of();
    }

    @Override
    public ResultPage<AuditEntry> ofRecord(String recordId, List<OrgPath> within, PageQuery page) {
        return new ResultPage<>(List.of(), page, 0);
    }

    @Override
    public ResultPage<AuditEntry> ofUser(String subject, List<OrgPath> within, PageQuery page) {
        return new ResultPage<>(List.of(), page, 0);
    }
}
