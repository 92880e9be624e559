package vn.partycell.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The CloudEvents codec: what goes on the wire, and that reading it back gives the same envelope. */
class CloudEventRecordsTest {

    private static final EventEnvelope ENVELOPE = new EventEnvelope(
            "6b4fc0a7-8d92-44b5-9fc6-e708192a3b4c",
            "/partycell/meeting-service",
            "meetings.meeting.closed",
            "a7b8c9d0-e1f2-4a3b-9c4d-5e6f7a8b9c0d",
            Instant.parse("2025-03-05T03:30:00.250Z"),
            "https://schemas.partycell.vn/events/meetings.meeting.closed.v1.json",
            "/hy/du-khoi-ccq/cb-so-tu-phap/");

    private static final byte[] DATA =
            "{\"meetingId\":\"a7b8c9d0-e1f2-4a3b-9c4d-5e6f7a8b9c0d\",\"title\":\"Sinh hoạt chi bộ\"}"
                    .getBytes(StandardCharsets.UTF_8);

    @Test
    void aRecordCarriesTheEnvelopeInCeHeadersTheSubjectAsKeyAndTheDataAsValue() {
        ProducerRecord<String, byte[]> record = CloudEventRecords.toRecord("meetings.meeting.v1", ENVELOPE, DATA);

        assertThat(record.topic()).isEqualTo("meetings.meeting.v1");
        assertThat(record.key()).isEqualTo(ENVELOPE.subject());
        assertThat(record.value()).isEqualTo(DATA);
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        assertThat(headers)
                .containsOnly(
                        Map.entry("ce_specversion", "1.0"),
                        Map.entry("ce_id", ENVELOPE.id()),
                        Map.entry("ce_source", "/partycell/meeting-service"),
                        Map.entry("ce_type", "meetings.meeting.closed"),
                        Map.entry("ce_subject", ENVELOPE.subject()),
                        Map.entry("ce_time", "2025-03-05T03:30:00.25Z"),
                        Map.entry(
                                "ce_dataschema", "https://schemas.partycell.vn/events/meetings.meeting.closed.v1.json"),
                        Map.entry("ce_orgpath", "/hy/du-khoi-ccq/cb-so-tu-phap/"),
                        Map.entry("content-type", "application/json"));
    }

    @Test
    void readingTheHeadersBackGivesTheSameEnvelope() {
        ProducerRecord<String, byte[]> record = CloudEventRecords.toRecord("meetings.meeting.v1", ENVELOPE, DATA);

        assertThat(CloudEventRecords.envelope(record.headers())).isEqualTo(ENVELOPE);
    }

    @Test
    void anEnvelopeWithoutOptionalAttributesSurvivesTheRoundTrip() {
        EventEnvelope bare = new EventEnvelope(
                "id-1", "/partycell/member-service", "members.member.updated", "s-1", Instant.EPOCH, null, null);
        ProducerRecord<String, byte[]> record = CloudEventRecords.toRecord("members.member.v1", bare, DATA);

        assertThat(record.headers().lastHeader("ce_dataschema")).isNull();
        assertThat(record.headers().lastHeader("ce_orgpath")).isNull();
        assertThat(CloudEventRecords.envelope(record.headers())).isEqualTo(bare);
    }

    @Test
    void contentTypeIsOptionalOnTheWayIn() {
        Headers headers = CloudEventRecords.toRecord("meetings.meeting.v1", ENVELOPE, DATA)
                .headers();
        headers.remove("content-type");

        assertThat(CloudEventRecords.envelope(headers)).isEqualTo(ENVELOPE);
    }

    @Test
    void theBindersMessageHeadersGiveBackTheKafkaHeaders() {
        Headers onWire = CloudEventRecords.toRecord("meetings.meeting.v1", ENVELOPE, DATA)
                .headers();
        Map<String, Object> message = new HashMap<>();
        for (Header header : onWire) {
            // The header mapper hands some values over as text, others as bytes.
            message.put(
                    header.key(),
                    header.key().equals("ce_id") ? new String(header.value(), StandardCharsets.UTF_8) : header.value());
        }
        message.put("kafka_receivedTopic", "meetings.meeting.v1");
        message.put("kafka_offset", 42L);

        Headers rebuilt = CloudEventRecords.headers(message);

        assertThat(rebuilt.toArray()).hasSize(9);
        assertThat(CloudEventRecords.envelope(rebuilt)).isEqualTo(ENVELOPE);
    }

    @Test
    void attributesSpringCloudFunctionRenamedToTheHttpSpellingAreReadToo() {
        Map<String, Object> message = new HashMap<>();
        for (Header header : CloudEventRecords.toRecord("meetings.meeting.v1", ENVELOPE, DATA)
                .headers()) {
            if (header.key().startsWith("ce_")) {
                message.put("ce-" + header.key().substring(3), header.value());
            }
        }
        message.put("message-type", "cloudevent");

        assertThat(CloudEventRecords.envelope(CloudEventRecords.headers(message)))
                .isEqualTo(ENVELOPE);
    }

    @Test
    void aRecordThatIsNotAWellFormedCloudEventIsPoison() {
        assertThatThrownBy(() -> CloudEventRecords.envelope(new RecordHeaders()))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("ce_id")
                .hasMessageContaining("ce_source");

        Headers badTime = CloudEventRecords.toRecord("meetings.meeting.v1", ENVELOPE, DATA)
                .headers();
        badTime.remove("ce_time");
        badTime.add("ce_time", "yesterday".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CloudEventRecords.envelope(badTime))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("time");

        Headers oldSpec = CloudEventRecords.toRecord("meetings.meeting.v1", ENVELOPE, DATA)
                .headers();
        oldSpec.remove("ce_specversion");
        oldSpec.add("ce_specversion", "0.3".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CloudEventRecords.envelope(oldSpec))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("specversion");
    }
}
