package vn.partycell.member.adapter.in.web;

import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import vn.partycell.member.application.ImportRows;
import vn.partycell.member.application.MemberImport.ImportFormat;
import vn.partycell.member.application.MemberImportFiles;
import vn.partycell.member.application.MemberImportId;
import vn.partycell.member.application.MemberImportSettings;
import vn.partycell.platform.kernel.InvalidInputException;

/**
 * Uploaded import files kept on local disk ({@code partycell.member-import.spool-dir}) while their run
 * lasts: copied as the request streams in (a partial copy never becomes visible), hashed on the way,
 * and read back row by row by {@link MemberImportRows}. A run resumes on the instance that holds its
 * file.
 */
@Component
public class MemberImportUploads implements MemberImportFiles {

    private final Path directory;
    private final Validator validator;

    public MemberImportUploads(MemberImportSettings settings, Validator validator) {
        this.directory = Path.of(settings.spoolDir());
        this.validator = validator;
    }

    @Override
    public StoredFile store(MemberImportId id, ImportFormat format, InputStream content) {
        Path target = file(id);
        Path partial = directory.resolve(id + ".partial");
        try {
            Files.createDirectories(directory);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long bytes;
            try (InputStream in = new DigestInputStream(content, sha256);
                    OutputStream out = Files.newOutputStream(partial)) {
                bytes = in.transferTo(out);
            }
            if (bytes == 0) {
                throw new InvalidInputException("file", "tệp trống", null);
            }
            // The header is checked now so that a wrong file is refused at upload, not in the run.
            MemberImportRows.open(partial, format, validator).close();
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return new StoredFile(HexFormat.of().formatHex(sha256.digest()), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // A leftover partial file is harmless: it never has a run.
            }
        }
    }

    @Override
    public ImportRows open(MemberImportId id, ImportFormat format, long skip) {
        return MemberImportRows.open(file(id), format, validator).skip(skip);
    }

    @Override
    public boolean exists(MemberImportId id) {
        return Files.exists(file(id));
    }

    @Override
    public void delete(MemberImportId id) {
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(MemberImportId id) {
        return directory.resolve(id + ".upload");
    }
}
