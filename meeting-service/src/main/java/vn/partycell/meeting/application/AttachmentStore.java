package vn.partycell.meeting.application;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import vn.partycell.meeting.domain.AttachmentId;
import vn.partycell.meeting.domain.MeetingAttachment;
import vn.partycell.meeting.domain.MeetingId;

/** Port: where attached documents and their description are kept, the content streamed both ways. */
public interface AttachmentStore {

    /** Stores the content (read to its end, never whole in memory) with its description, in one file. */
    void store(MeetingAttachment attachment, InputStream content) throws IOException;

    /** A meeting's documents, oldest first. */
    List<MeetingAttachment> list(MeetingId meetingId);

    Optional<MeetingAttachment> find(MeetingId meetingId, AttachmentId id);

    /** The content, to be closed by the reader. */
    InputStream open(AttachmentId id) throws IOException;

    /** Removes description and content; false when it was not there. */
    boolean delete(AttachmentId id);
}
