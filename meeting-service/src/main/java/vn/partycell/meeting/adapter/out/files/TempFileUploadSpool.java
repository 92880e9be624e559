package vn.partycell.meeting.adapter.out.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.partycell.meeting.application.AttachmentTooLargeException;
import vn.partycell.meeting.application.UploadSpool;

/**
 * Uploads held in temporary files ({@code partycell.meeting-attachments.spool-dir}) while they are
 * checked; each is deleted when its check is over, stored or refused. Counted while copied: one byte
 * past the limit stops the copy, so at most limit + 1 bytes are read.
 */
@Component
public class TempFileUploadSpool implements UploadSpool {

    private final Path directory;

    public TempFileUploadSpool(
            @Value("${partycell.meeting-attachments.spool-dir:${java.io.tmpdir}/partycell-meeting-attachments}")
                    Path directory)
            throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    @Override
    public Spooled copy(InputStream body, long maxBytes) throws IOException {
        Path file = Files.createTempFile(directory, "upload-", ".part");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = new DigestInputStream(body, sha);
                    OutputStream out = Files.newOutputStream(file)) {
                int n;
                while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes - size + 1))) > 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new AttachmentTooLargeException(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            return new HeldFile(file, size, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        } catch (NoSuchAlgorithmException e) {
            Files.deleteIfExists(file);
            throw new IllegalStateException(e);
        }
    }

    private record HeldFile(Path file, long size, String sha256) implements Spooled {

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
