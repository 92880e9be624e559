package vn.partycell.meeting.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import vn.partycell.platform.kernel.InvalidInputException;
import vn.partycell.platform.kernel.OrgPath;

/**
 * A document attached to a meeting while it is prepared or held (tài liệu sinh hoạt: the draft
 * resolution's file, reports, study material): its name as uploaded, the type its content was
 * checked to be, size and SHA-256, who uploaded it and when. Documents are added and removed only
 * until the meeting is closed or cancelled; after that the meeting's file is final with it.
 */
public record MeetingAttachment(
        AttachmentId id,
        MeetingId meetingId,
        CellId cellId,
        OrgPath orgPath,
        String fileName,
        String contentType,
        long size,
        String sha256,
        String uploadedBy,
        Instant uploadedAt) {

    public MeetingAttachment {
        Objects.requireNonNull(id);
        Objects.requireNonNull(meetingId);
        Objects.requireNonNull(cellId);
        Objects.requireNonNull(orgPath);
        Objects.requireNonNull(contentType);
        fileName = fileName(fileName);
    }

    /**
     * Documents change only while the meeting is not final: a closed or cancelled meeting refuses
     * (409 {@code meeting-closed} / {@code meeting-cancelled} on {@code status}).
     */
    public static Meeting requireOpen(Meeting meeting) {
        if (meeting.status() == MeetingStatus.CLOSED || meeting.status() == MeetingStatus.CANCELLED) {
            throw meeting.refusal(MeetingStatus.SCHEDULED);
        }
        return meeting;
    }

    /**
     * A name to show and to download as: 1 to 255 characters, no path separators or control
     * characters (400 on {@code fileName}). Vietnamese letters are kept.
     */
    public static String fileName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()
                || stripped.length() > 255
                || stripped.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\')
                || stripped.equals(".")
                || stripped.equals("..")) {
            throw new InvalidInputException(
                    "fileName",
                    "Tên tệp từ 1 đến 255 ký tự, không chứa dấu / \\ hay ký tự điều khiển",
                    Map.of("fileName", String.valueOf(name)));
        }
        return stripped;
    }
}
