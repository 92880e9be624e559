package vn.partycell.meeting.application;

import java.io.IOException;
import java.io.InputStream;

/**
 * Port: a place to hold an upload while it is checked (type, virus scan) before anything is stored,
 * so that a refused file leaves nothing behind; never whole in memory.
 */
public interface UploadSpool {

    /** Copies the body up to {@code maxBytes}; one byte more is {@link AttachmentTooLargeException}. */
    Spooled copy(InputStream body, long maxBytes) throws IOException;

    /** The held copy: size, SHA-256, content to read (again); closing it removes it. */
    interface Spooled extends AutoCloseable {
        long size();

        String sha256();

        InputStream open() throws IOException;

        @Override
        void close();
    }
}
