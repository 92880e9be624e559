package vn.partycell.member.application;

import java.util.List;
import java.util.Map;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;

/**
 * Port: the audit log. Changes reach it from the write that stored them (the adapter appends the
 * line to the same document write); an export, which stores nothing, writes its line here directly.
 */
public interface AuditLog {

    /** Writes an export's line now, before its first byte is streamed. */
    void exported(String recordKind, String recordId, OrgPath scope, String action, Map<String, String> details);

    /**
     * Every org path the record's lines were written under (where it stood at each change, and where
     * it left from); empty when the log has nothing of it.
     */
    List<OrgPath> recordPaths(String recordId);

    /** A record's lines written under any of {@code within}, newest first. */
    ResultPage<AuditEntry> ofRecord(String recordId, List<OrgPath> within, PageQuery page);

    /** A user's lines written under any of {@code within}, newest first. */
    ResultPage<AuditEntry> ofUser(String subject, List<OrgPath> within, PageQuery page);
}
