package vn.partycell.operations;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One record of a dead-letter topic as the binder writes it: the original key, value and headers,
 * plus {@code x-original-*} coordinates and {@code x-exception-*} reason headers.
 */
public record DeadLetter(ConsumerRecord<byte[], byte[]> record) {

    /** Headers a dead-lettering step adds; they are not part of the event and are not re-published. */
    static boolean isFailureHeader(String name) {
        return name.startsWith("x-") || name.startsWith("kafka_dlt-");
    }

    public String coordinates() {
        return record.partition() + ":" + record.offset();
    }

    public String key() {
        return text(record.key());
    }

    public String header(String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : text(header.value());
    }

    public String originalTopic() {
        return header("x-original-topic");
    }

    /** Binary (4-byte int) as the binder writes it; a decimal string is accepted too. */
    public Long originalPartition() {
        return number("x-original-partition");
    }

    /** Binary (8-byte long) as the binder writes it; a decimal string is accepted too. */
    public Long originalOffset() {
        return number("x-original-offset");
    }

    private Long number(String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        byte[] value = header.value();
        if (value.length == 4) {
            return (long) ByteBuffer.wrap(value).getInt();
        }
        if (value.length == 8) {
            return ByteBuffer.wrap(value).getLong();
        }
        try {
            return Long.parseLong(new String(value, StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The event's own headers (ce_*, content-type, ...), without the failure headers. */
    public Headers eventHeaders() {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!isFailureHeader(header.key())) {
                headers.add(header.key(), header.value());
            }
        }
        return headers;
    }

    /** One line for the operator: where it sits, what it is, where it came from, why it failed. */
    public String describe() {
        Long partition = originalPartition();
        Long offset = originalOffset();
        String origin = (originalTopic() == null ? "?" : originalTopic()) + "/" + (partition == null ? "?" : partition)
                + "@" + (offset == null ? "?" : offset);
        return coordinates()
                + "\tkey=" + key()
                + "\tce_type=" + header("ce_type")
                + "\tce_id=" + header("ce_id")
                + "\toriginal=" + origin
                + "\terror=" + header("x-exception-fqcn")
                + "\treason=" + oneLine(header("x-exception-message"));
    }

    private static String oneLine(String text) {
        return text == null ? null : text.replaceAll("\\s+", " ").trim();
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
