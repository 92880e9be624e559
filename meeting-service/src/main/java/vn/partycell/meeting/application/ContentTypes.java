package vn.partycell.meeting.application;

import java.io.IOException;
import java.io.InputStream;

/** Port: what a file's bytes say it is (its magic bytes), whatever its name or declared type say. */
public interface ContentTypes {

    /**
     * The declared type when the content's signature confirms it (the same type, or a format the
     * signature's container type holds, such as DOCX in ZIP), otherwise the type the signature shows
     * ({@code application/octet-stream} when it shows nothing known).
     */
    String confirm(String declaredType, InputStream content) throws IOException;
}
