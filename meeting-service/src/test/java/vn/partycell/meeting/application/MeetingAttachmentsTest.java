package vn.partycell.meeting.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import vn.partycell.meeting.adapter.out.files.TempFileUploadSpool;
import vn.partycell.meeting.adapter.out.files.TikaContentTypes;
import vn.partycell.meeting.domain.AttachmentId;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.Meeting;
import vn.partycell.meeting.domain.MeetingAttachment;
import vn.partycell.meeting.domain.MeetingEvent;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.meeting.domain.MeetingKind;
import vn.partycell.meeting.domain.MeetingPlan;
import vn.partycell.meeting.domain.ScheduledMeeting;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.RuleViolationException;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Grant;
import vn.partycell.platform.security.Role;

/** The attachment use case on in-memory ports: who may, in which order the checks run, nothing half-stored. */
class MeetingAttachmentsTest {

    private static final OrgPath CELL = OrgPath.of("/hy/a/cb-01/");
    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path spoolDir;

    private final InMemoryMeetingRepository meetings = new InMemoryMeetingRepository();
    private final Map<AttachmentId, byte[]> contents = new LinkedHashMap<>();
    private final List<MeetingAttachment> stored = new ArrayList<>();
    private final List<String> scanned = new ArrayList<>();
    private final Caller secretary = caller(CELL, Role.SECRETARY);
    private final Caller member = caller(CELL, Role.MEMBER);
    private final Caller outsider = caller(OrgPath.of("/hy/b/"), Role.SUPERIOR);

    private static Caller caller(OrgPath path, Role role) {
        return new Caller("u-" + role, Optional.empty(), List.of(new Grant(path, role)));
    }

    private MeetingAttachments service(boolean scanRefuses) throws IOException {
        AttachmentStore store = new AttachmentStore() {
            @Override
            public void store(MeetingAttachment attachment, InputStream content) throws IOException {
                contents.put(attachment.id(), content.readAllBytes());
                stored.add(attachment);
            }

            @Override
            public List<MeetingAttachment> list(MeetingId meetingId) {
                return stored.stream()
                        .filter(a -> a.meetingId().equals(meetingId))
                        .toList();
            }

            @Override
            public Optional<MeetingAttachment> find(MeetingId meetingId, AttachmentId id) {
                return stored.stream().filter(a -> a.id().equals(id)).findFirst();
            }

            @Override
            public InputStream open(AttachmentId id) {
                return new ByteArrayInputStream(contents.get(id));
            }

            @Override
            public boolean delete(AttachmentId id) {
                contents.remove(id);
                return stored.removeIf(a -> a.id().equals(id));
            }
        };
        VirusScan scan = (name, type, content) -> {
            scanned.add(name);
            content.readAllBytes();
            return scanRefuses ? VirusScan.Verdict.refused("Test-Signature") : VirusScan.Verdict.accepted();
        };
        return new MeetingAttachments(
                meetings,
                store,
                new TempFileUploadSpool(spoolDir),
                new TikaContentTypes(),
                scan,
                new AttachmentSettings(DataSize.ofKilobytes(1), List.of("application/pdf", "text/plain")),
                Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC));
    }

    private MeetingId meeting() {
        MeetingPlan plan = new MeetingPlan(
                MeetingKind.REGULAR,
                "Sinh hoạt",
                null,
                Instant.parse("2026-12-05T01:00:00Z"),
                "Hội trường",
                List.of("A"));
        ScheduledMeeting m = new ScheduledMeeting(MeetingId.random(), new CellId(UUID.randomUUID()), CELL, plan, 1);
        meetings.insert(Change.<Meeting, MeetingEvent>silent(m));
        return m.id();
    }

    /** A body that must not be read: the caller and the declaration are checked first. */
    private static InputStream untouchable() {
        return new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body was read");
            }
        };
    }

    @Test
    void theSecretaryUploadsAMemberReadsAndTheContentIsChecked() throws IOException {
        MeetingAttachments attachments = service(false);
        MeetingId id = meeting();

        MeetingAttachment a = attachments.upload(
                secretary, id, "Báo cáo.pdf", "application/pdf; charset=binary", new ByteArrayInputStream(PDF));

        assertThat(a.contentType()).isEqualTo("application/pdf");
        assertThat(a.size()).isEqualTo(PDF.length);
        assertThat(a.sha256()).hasSize(64);
        assertThat(attachments.list(member, id)).containsExactly(a);
        assertThat(attachments.download(member, id, a.id()).content().readAllBytes())
                .isEqualTo(PDF);
        assertThat(scanned).containsExactly("Báo cáo.pdf");
        assertThat(spoolDir).isEmptyDirectory();
    }

    @Test
    void scopeRoleAndDeclaredTypeAreCheckedBeforeAByteIsRead() throws IOException {
        MeetingAttachments attachments = service(false);
        MeetingId id = meeting();

        assertThatThrownBy(() -> attachments.upload(outsider, id, "a.pdf", "application/pdf", untouchable()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> attachments.upload(member, id, "a.pdf", "application/pdf", untouchable()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> attachments.upload(secretary, id, "a.exe", "application/x-msdownload", untouchable()))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("attachment-type-refused"));
        assertThatThrownBy(() -> attachments.list(outsider, id)).isInstanceOf(NotFoundException.class);
        assertThat(stored).isEmpty();
    }

    @Test
    void aRefusedFileLeavesNothingBehind() throws IOException {
        MeetingId id = meeting();

        assertThatThrownBy(() ->
                        service(true).upload(secretary, id, "a.pdf", "application/pdf", new ByteArrayInputStream(PDF)))
                .isInstanceOfSatisfying(
                        RuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("attachment-refused-by-scan"));
        assertThatThrownBy(() -> service(false)
                        .upload(secretary, id, "a.pdf", "application/pdf", new ByteArrayInputStream(new byte[2048])))
                .isInstanceOf(AttachmentTooLargeException.class);
        assertThatThrownBy(() -> service(false)
                        .upload(
                                secretary,
                                id,
                                "a.pdf",
                                "application/pdf",
                                new ByteArrayInputStream("văn bản".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(
                        RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("attachment-type-mismatch"));
        assertThat(stored).isEmpty();
        try (var files = Files.list(spoolDir)) {
            assertThat(files).isEmpty();
        }
    }
}
