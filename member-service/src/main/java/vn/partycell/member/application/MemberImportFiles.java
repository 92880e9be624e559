package vn.partycell.member.application;

import java.io.InputStream;
import vn.partycell.member.application.MemberImport.ImportFormat;

/**
 * Port: where uploaded import files are kept while their run lasts (so that a run can resume after a
 * restart) and how their rows are read.
 */
public interface MemberImportFiles {

    /** What was kept: the file's SHA-256 (hex) and its size. */
    record StoredFile(String sha256, long bytes) {}

    /**
     * Copies the upload as it streams in (never whole in memory) and checks its header row; a file
     * whose header lacks a required column, or that cannot be read as {@code format}, is a 422 (and
     * is not kept).
     */
    StoredFile store(MemberImportId id, ImportFormat format, InputStream content);

    /** The data rows after the first {@code skip} ones. */
    ImportRows open(MemberImportId id, ImportFormat format, long skip);

    boolean exists(MemberImportId id);

    void delete(MemberImportId id);
}
