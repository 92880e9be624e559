package vn.partycell.meeting.adapter.out.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;
import vn.partycell.meeting.application.CellTerms;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.CommitteeTerm;

/**
 * {@code cell_terms}: one document per cell ({@code _id} = the cell id) with its terms under {@code
 * terms.<termId>}. Setting a term by its id is idempotent without a guard in the filter (which the
 * local store could only answer by reading every cell).
 */
@Repository
public class MongoCellTerms implements CellTerms {

    static final String COLLECTION = "cell_terms";

    private final MongoTemplate mongo;

    public MongoCellTerms(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean record(CellId cellId, CommitteeTerm term) {
        if (termsOf(cellId).contains(term)) {
            return false;
        }
        Document stored = new Document("id", term.id().toString())
                .append("name", term.name())
                .append("start", term.start().toString())
                .append("end", term.end().toString());
        mongo.getCollection(COLLECTION)
                .updateOne(
                        Filters.eq("_id", cellId.toString()),
                        Updates.set("terms." + term.id(), stored),
                        new UpdateOptions().upsert(true));
        return true;
    }

    @Override
    public List<CommitteeTerm> termsOf(CellId cellId) {
        Document cell = mongo.getCollection(COLLECTION)
                .find(Filters.eq("_id", cellId.toString()))
                .first();
        if (cell == null || cell.get("terms", Document.class) == null) {
            return List.of();
        }
        return cell.get("terms", Document.class).values().stream()
                .map(Document.class::cast)
                .map(t -> new CommitteeTerm(
                        UUID.fromString(t.getString("id")),
                        t.getString("name"),
                        LocalDate.parse(t.getString("start")),
                        LocalDate.parse(t.getString("end"))))
                .sorted(Comparator.comparing(CommitteeTerm::start))
                .toList();
    }
}
