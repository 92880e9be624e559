package vn.partycell.meeting.adapter.out.files;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;
import vn.partycell.meeting.application.ContentTypes;

/**
 * A file's type from its magic bytes with Apache Tika core's signature database. The file name is
 * deliberately not given to Tika: for content with no known signature it would answer the type of
 * the name's extension, which is exactly what a disguised file claims. A declared type is confirmed
 * when the signature shows it, or shows the container it is a kind of (DOCX and XLSX are OOXML in
 * an OOXML package) — never when the signature shows nothing known, only plain text or a bare ZIP.
 */
@Component
public class TikaContentTypes implements ContentTypes {

    private final MimeTypes types = TikaConfig.getDefaultConfig().getMimeRepository();
    private final MediaTypeRegistry registry = types.getMediaTypeRegistry();

    @Override
    public String confirm(String declaredType, InputStream content) throws IOException {
        MediaType detected;
        try (TikaInputStream in = TikaInputStream.get(content)) {
            detected = types.detect(in, new Metadata()).getBaseType();
        }
        MediaType declared = MediaType.parse(declaredType);
        if (declared == null) {
            return detected.toString();
        }
        declared = registry.normalize(declared.getBaseType());
        detected = registry.normalize(detected);
        if (declared.equals(detected)) {
            return declaredType;
        }
        // A bare ZIP is not enough for DOCX or XLSX: the OOXML signature ([Content_Types].xml first) must show.
        boolean known = !detected.equals(MediaType.OCTET_STREAM)
                && !detected.equals(MediaType.TEXT_PLAIN)
                && !detected.equals(MediaType.APPLICATION_ZIP);
        if (known && registry.isSpecializationOf(declared, detected)) {
            return declaredType;
        }
        return detected.toString();
    }
}
