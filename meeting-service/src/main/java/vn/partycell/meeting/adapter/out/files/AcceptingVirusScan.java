package vn.partycell.meeting.adapter.out.files;

import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.partycell.meeting.application.VirusScan;

/**
 * The default virus scan: accepts every file. This is the hook, not a scanner: a deployment that
 * must scan provides its own {@link VirusScan} bean marked {@code @Primary} (e.g. a ClamAV client streaming to clamd's
 * INSTREAM) in place of this one. It says so once at start, so that nobody believes files are scanned.
 */
@Component
public class AcceptingVirusScan implements VirusScan {

    private static final Logger log = LoggerFactory.getLogger(AcceptingVirusScan.class);

    public AcceptingVirusScan() {
        log.warn("Meeting attachments are not scanned for viruses: no VirusScan adapter is configured");
    }

    @Override
    public Verdict scan(String fileName, String contentType, InputStream content) {
        return Verdict.accepted();
    }
}
