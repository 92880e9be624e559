package vn.partycell.meeting.application;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.partycell.meeting.domain.AttachmentId;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingAttachment;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.platform.kernel.InvalidInputException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.RuleViolationException;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Role;

/**
 * Documents attached to a meeting (tài liệu sinh hoạt): the cell's secretary (or deputy, who holds
 * the secretary grant; or above) uploads and removes them until the meeting is closed or cancelled;
 * whoever reads the meeting lists and downloads them. An upload is held aside while it is checked —
 * its size against the configured limit as it streams, its declared type against the allowed list
 * and against its own magic bytes, then the virus scan — and stored only when all pass, so a refused
 * file leaves nothing behind. A meeting closed while its upload was under way refuses the
 * upload once it is stored, and the stored file is removed.
 */
@Service
public class MeetingAttachments {

    private final MeetingRepository meetings;
    private final AttachmentStore store;
    private final UploadSpool spool;
    private final ContentTypes contentTypes;
    private final VirusScan virusScan;
    private final AttachmentSettings settings;
    private final Clock clock;

    public MeetingAttachments(
            MeetingRepository meetings,
            AttachmentStore store,
            UploadSpool spool,
            ContentTypes contentTypes,
            VirusScan virusScan,
            AttachmentSettings settings,
            Clock clock) {
        this.meetings = meetings;
        this.store = store;
        this.spool = spool;
        this.contentTypes = contentTypes;
        this.virusScan = virusScan;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Checks the caller, the meeting's state, the name and the declared type before a byte of the
     * body is read; then holds the body (413 past the limit), confirms its type from its content
     * (422 {@code attachment-type-mismatch}), scans it (422 {@code attachment-refused-by-scan}) and
     * stores it.
     */
    public MeetingAttachment upload(
            Caller caller, MeetingId meetingId, String fileName, String declaredType, InputStream body)
            throws IOException {
        Meeting meeting = forChange(caller, meetingId);
        String name = MeetingAttachment.fileName(fileName);
        String type = mediaType(declaredType);
        if (!settings.allows(type)) {
            throw new RuleViolationException(
                    "attachment-type-refused",
                    "Loại tệp " + type + " không được nhận; chỉ nhận: " + String.join(", ", settings.allowedTypes()),
                    Map.of("field", "Content-Type", "contentType", type, "allowed", settings.allowedTypes()));
        }
        try (UploadSpool.Spooled held = spool.copy(body, settings.maxBytes())) {
            if (held.size() == 0) {
                throw new InvalidInputException("content", "Tệp rỗng", 0);
            }
            String actual;
            try (InputStream content = held.open()) {
                actual = contentTypes.confirm(type, content);
            }
            if (!actual.equals(type)) {
                throw new RuleViolationException(
                        "attachment-type-mismatch",
                        "Nội dung tệp là " + actual + ", không phải " + type + " như đã khai",
                        Map.of("field", "content", "declared", type, "detected", actual));
            }
            VirusScan.Verdict verdict;
            try (InputStream content = held.open()) {
                verdict = virusScan.scan(name, type, content);
            }
            if (!verdict.clean()) {
                throw new RuleViolationException(
                        "attachment-refused-by-scan",
                        "Tệp không qua được kiểm tra virus",
                        Map.of("field", "content", "finding", String.valueOf(verdict.finding())));
            }
            MeetingAttachment attachment = new MeetingAttachment(
                    AttachmentId.random(),
                    meeting.id(),
                    meeting.cellId(),
                    meeting.orgPath(),
                    name,
                    type,
                    held.size(),
                    held.sha256(),
                    caller.username(),
                    clock.instant());
            try (InputStream content = held.open()) {
                store.store(attachment, content);
            }
            requireStillOpen(meetingId, attachment);
            return attachment;
        }
    }

    /**
     * The meeting may have been closed (or cancelled) while the upload streamed, was checked and
     * scanned: documents belong to the preparation, so the state is read again once the file is
     * stored, and a file that came too late is removed again (409 as for any change after close).
     * A close after this check is ordered after the upload, which then was in time.
     */
    private void requireStillOpen(MeetingId meetingId, MeetingAttachment stored) {
        try {
            MeetingAttachment.requireOpen(
                    meetings.find(meetingId).orElseThrow(() -> new NotFoundException("buổi sinh hoạt", meetingId)));
        } catch (RuntimeException refused) {
            store.delete(stored.id());
            throw refused;
        }
    }

    public List<MeetingAttachment> list(Caller caller, MeetingId meetingId) {
        readable(caller, meetingId);
        return store.list(meetingId);
    }

    /** The description and the content (to be closed by the caller). */
    public Download download(Caller caller, MeetingId meetingId, AttachmentId id) throws IOException {
        readable(caller, meetingId);
        MeetingAttachment attachment =
                store.find(meetingId, id).orElseThrow(() -> new NotFoundException("tài liệu", id));
        return new Download(attachment, store.open(id));
    }

    public void delete(Caller caller, MeetingId meetingId, AttachmentId id) {
        forChange(caller, meetingId);
        store.find(meetingId, id).orElseThrow(() -> new NotFoundException("tài liệu", id));
        store.delete(id);
    }

    public record Download(MeetingAttachment attachment, InputStream content) {}

    private Meeting readable(Caller caller, MeetingId meetingId) {
        Meeting meeting =
                meetings.find(meetingId).orElseThrow(() -> new NotFoundException("buổi sinh hoạt", meetingId));
        caller.requireRead(meeting.orgPath(), "buổi sinh hoạt", meetingId);
        return meeting;
    }

    /** Scope and role first (404/403), then the meeting's state (409 once final). */
    private Meeting forChange(Caller caller, MeetingId meetingId) {
        Meeting meeting =
                meetings.find(meetingId).orElseThrow(() -> new NotFoundException("buổi sinh hoạt", meetingId));
        caller.requireRole(meeting.orgPath(), Role.SECRETARY);
        return MeetingAttachment.requireOpen(meeting);
    }

    /** The declared media type without its parameters, lower case (400 when missing). */
    private static String mediaType(String declared) {
        if (declared == null || declared.isBlank()) {
            throw new InvalidInputException("Content-Type", "Cần khai loại tệp (Content-Type)", "");
        }
        int semicolon = declared.indexOf(';');
        return (semicolon < 0 ? declared : declared.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
