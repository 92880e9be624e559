package vn.partycell.member.adapter.out.mongo;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import vn.partycell.member.application.AuditEntry.FieldChange;

/**
 * The fields a write changed, read off the stored document before and after it: generic, so that
 * every aggregate's change is audited without a hand-kept list of its fields. Nested documents are
 * compared field by field ({@code person.phone}); an append-only list (a status history, discipline
 * decisions, corrections, dues lines) shows only its new lines, under {@code <field>+}.
 */
final class AuditDiff {

    /** Bookkeeping that is no fact of the record: the outbox, the audit's own queue, search keys. */
    private static final Set<String> IGNORED = Set.of(
            "_id",
            "_class",
            "version",
            "outbox",
            "outboxSince",
            "outboxParked",
            AuditedWriter.PENDING,
            AuditedWriter.SINCE,
            "sortKey",
            "nameWords",
            "nameKeys");

    private static final JsonWriterSettings JSON =
            JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private AuditDiff() {}

    static List<FieldChange> between(Document before, Document after) {
        List<FieldChange> changes = new ArrayList<>();
        compare("", before == null ? new Document() : before, after, changes);
        return changes;
    }

    private static void compare(String prefix, Document before, Document after, List<FieldChange> changes) {
        Set<String> keys = new LinkedHashSet<>(after.keySet());
        keys.addAll(before.keySet());
        for (String key : keys) {
            if (prefix.isEmpty() && IGNORED.contains(key)) {
                continue;
            }
            Object from = before.get(key);
            Object to = after.get(key);
            String field = prefix + key;
            if (Objects.equals(from, to)) {
                continue;
            }
            if (nested(from) && nested(to)) {
                // A part created or removed whole is still listed field by field.
                compare(
                        field + ".",
                        from == null ? new Document() : (Document) from,
                        to == null ? new Document() : (Document) to,
                        changes);
            } else if (to instanceof List<?> t && appended(from, t)) {
                List<?> old = from == null ? List.of() : (List<?>) from;
                if (t.size() > old.size()) {
                    changes.add(new FieldChange(field + "+", null, text(t.subList(old.size(), t.size()))));
                }
            } else {
                changes.add(new FieldChange(field, text(from), text(to)));
            }
        }
    }

    private static boolean nested(Object value) {
        return value == null || value instanceof Document;
    }

    /** True when {@code to} is {@code from} with lines added at its end. */
    private static boolean appended(Object from, List<?> to) {
        if (from == null) {
            return true;
        }
        return from instanceof List<?> f
                && f.size() <= to.size()
                && to.subList(0, f.size()).equals(f);
    }

    static String text(Object value) {
        return switch (value) {
            case null -> null;
            case Document d -> d.toJson(JSON);
            case List<?> list -> list.stream().map(AuditDiff::inList).collect(Collectors.joining(", ", "[", "]"));
            case Date d -> d.toInstant().toString();
            default -> value.toString();
        };
    }

    private static String inList(Object value) {
        return value instanceof String s ? '"' + s + '"' : text(value);
    }
}
