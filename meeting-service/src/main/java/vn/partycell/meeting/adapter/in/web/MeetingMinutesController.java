package vn.partycell.meeting.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.partycell.meeting.application.MeetingMinutes;
import vn.partycell.meeting.application.MeetingMinutes.PrintedMinutes;
import vn.partycell.meeting.domain.MeetingId;
import vn.partycell.platform.security.Caller;

/** The printable minutes (biên bản) of a closed meeting. */
@RestController
@RequestMapping("/api/v1/meetings/{id}/minutes")
@Tag(name = "Biên bản", description = "Biên bản buổi sinh hoạt đã kết thúc, bản in PDF")
public class MeetingMinutesController {

    private final MeetingMinutes minutes;

    public MeetingMinutesController(MeetingMinutes minutes) {
        this.minutes = minutes;
    }

    @GetMapping
    @Operation(
            summary = "Biên bản buổi sinh hoạt (PDF)",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "Biên bản in được, phông chữ nhúng sẵn",
                            content =
                                    @Content(
                                            mediaType = "application/pdf",
                                            schema = @Schema(type = "string", format = "binary"))))
    public ResponseEntity<byte[]> print(Caller caller, @PathVariable UUID id) {
        PrintedMinutes printed = minutes.print(caller, new MeetingId(id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(printed.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(printed.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(printed.content());
    }
}
