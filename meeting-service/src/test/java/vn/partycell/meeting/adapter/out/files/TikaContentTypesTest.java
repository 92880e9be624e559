package vn.partycell.meeting.adapter.out.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The type of a file from its magic bytes, not from what the upload declares. */
class TikaContentTypesTest {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private final TikaContentTypes types = new TikaContentTypes();

    private String confirm(String declared, byte[] content) throws IOException {
        return types.confirm(declared, new ByteArrayInputStream(content));
    }

    @Test
    void aPdfAndAPngAreConfirmedByTheirSignature() throws IOException {
        assertThat(confirm("application/pdf", "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo("application/pdf");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(confirm("image/png", png)).isEqualTo("image/png");
    }

    @Test
    void aDisguisedFileIsWhatItsBytesSay() throws IOException {
        assertThat(confirm("application/pdf", "Chỉ là một đoạn văn bản".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("text/plain");
        assertThat(confirm("application/pdf", new byte[] {0x13, 0x37, 0x00, (byte) 0xfe, 0x01, 0x02}))
                .isEqualTo("application/octet-stream");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(confirm("image/jpeg", png)).isEqualTo("image/png");
    }

    @Test
    void aWordDocumentIsConfirmedByItsOoxmlContainerButAPlainZipIsNot() throws IOException {
        assertThat(confirm(DOCX, zip("[Content_Types].xml", "word/document.xml")))
                .isEqualTo(DOCX);
        assertThat(confirm(DOCX, zip("readme.txt"))).isEqualTo("application/zip");
    }

    private static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
