package vn.partycell.member.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import vn.partycell.member.application.AuditEntry.FieldChange;

class AuditDiffTest {

    @Test
    void nestedFieldsAreComparedOneByOneAndAnAppendOnlyListShowsOnlyItsNewLines() {
        Document before = new Document("_id", "m1")
                .append("version", 3L)
                .append("person", new Document("fullName", "Nguyễn Văn An").append("phone", "0912345678"))
                .append("history", List.of(new Document("kind", "ADMISSION")))
                .append("outbox", List.of(new Document("eventId", "e1")))
                .append("sortKey", "a");
        Document after = new Document("_id", "m1")
                .append("version", 4L)
                .append("person", new Document("fullName", "Nguyễn Văn An").append("phone", "0987654321"))
                .append("history", List.of(new Document("kind", "ADMISSION"), new Document("kind", "EXEMPTION")))
                .append("outbox", List.of(new Document("eventId", "e2")))
                .append("sortKey", "b");

        assertThat(AuditDiff.between(before, after))
                .containsExactly(
                        new FieldChange("person.phone", "0912345678", "0987654321"),
                        new FieldChange("history+", null, "[{\"kind\": \"EXEMPTION\"}]"));
    }

    @Test
    void aNewRecordListsEveryFieldOfItsPartsAndAListThatLostLinesShowsBothWhole() {
        Document created = new Document("person", new Document("fullName", "Lê Thị Hoa")).append("status", "FULL");
        assertThat(AuditDiff.between(null, created))
                .containsExactly(
                        new FieldChange("person.fullName", null, "Lê Thị Hoa"),
                        new FieldChange("status", null, "FULL"));

        assertThat(AuditDiff.between(new Document("roles", List.of("a", "b")), new Document("roles", List.of("b"))))
                .containsExactly(new FieldChange("roles", "[\"a\", \"b\"]", "[\"b\"]"));
    }
}
