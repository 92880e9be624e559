package vn.partycell.meeting.application;

/** An uploaded document passed the configured size (413 at the web layer); nothing was stored. */
public class AttachmentTooLargeException extends RuntimeException {

    private final long limit;

    public AttachmentTooLargeException(long limit) {
        super("Attachment larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
