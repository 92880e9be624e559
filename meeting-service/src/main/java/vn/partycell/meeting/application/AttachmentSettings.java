package vn.partycell.meeting.application;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What a meeting's attached documents may be ({@code partycell.meeting-attachments}): the largest
 * file and the content types accepted, each checked against the file's own bytes. Service
 * configuration, not yearly Party policy: it bounds storage and the intake of files, and must agree
 * with the upload route's body limit in this service ({@code partycell.web.upload-routes}) and at the
 * gateway, which are configuration too. Checked at start.
 */
@Validated
@ConfigurationProperties("partycell.meeting-attachments")
public record AttachmentSettings(
        @DefaultValue("20MB") @NotNull DataSize maxSize,
        @NotEmpty List<String> allowedTypes) {

    public AttachmentSettings {
        if (maxSize != null
                && (maxSize.toBytes() < 1
                        || maxSize.toBytes() > DataSize.ofMegabytes(200).toBytes())) {
            throw new IllegalArgumentException("partycell.meeting-attachments.max-size must be 1 B..200 MB");
        }
        allowedTypes = allowedTypes == null
                ? List.of()
                : allowedTypes.stream()
                        .map(t -> t.strip().toLowerCase(Locale.ROOT))
                        .toList();
        for (String type : allowedTypes) {
            if (!type.matches("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")) {
                throw new IllegalArgumentException(
                        "partycell.meeting-attachments.allowed-types: not a media type: " + type);
            }
        }
    }

    public long maxBytes() {
        return maxSize.toBytes();
    }

    /** The declared type without parameters, lower case, if it is on the list. */
    public boolean allows(String mediaType) {
        return mediaType != null && allowedTypes.contains(mediaType);
    }
}
