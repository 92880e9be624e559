package vn.partycell.meeting.application;

import java.io.IOException;
import java.io.InputStream;

/**
 * Port: the virus scan every uploaded document passes before it is stored (the hook where a real
 * scanner, e.g. ClamAV over clamd's INSTREAM, plugs in). A refused file is not stored (422).
 */
public interface VirusScan {

    /** Reads the content and says whether it may be stored; {@code finding} names what was found. */
    Verdict scan(String fileName, String contentType, InputStream content) throws IOException;

    record Verdict(boolean clean, String finding) {

        public static Verdict accepted() {
            return new Verdict(true, null);
        }

        public static Verdict refused(String finding) {
            return new Verdict(false, finding);
        }
    }
}
