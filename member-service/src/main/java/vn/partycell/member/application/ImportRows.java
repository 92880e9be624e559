package vn.partycell.member.application;

import java.util.Iterator;

/** The data rows of an uploaded file, read as a stream, in file order; close to release the file. */
public interface ImportRows extends Iterator<ImportRow>, AutoCloseable {

    @Override
    void close();
}
