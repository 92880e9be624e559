package vn.partycell.notification.adapter.out.mongo;

import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import vn.partycell.notification.application.KnownMeetingRepository;
import vn.partycell.notification.domain.KnownMeeting;
import vn.partycell.notification.domain.MeetingId;

/**
 * The meetings task notices name ({@code known_meetings}, one document per meeting: title, start,
 * version): "newer wins" is one conditional upsert on the version, as for the roster.
 */
@Repository
public class MongoKnownMeetingRepository implements KnownMeetingRepository {

    static final String COLLECTION = "known_meetings";

    private final MongoTemplate mongo;

    public MongoKnownMeetingRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean saveIfNewer(KnownMeeting m) {
        Query older = Query.query(Criteria.where("_id")
                .is(m.meetingId().toString())
                .and("version")
                .lt(m.version()));
        Update update = new Update()
                .set("title", m.title())
                .set("startsAt", Date.from(m.startsAt()))
                .set("version", m.version());
        try {
            mongo.upsert(older, update, COLLECTION);
            return true;
        } catch (DuplicateKeyException asNewOrNewer) {
            return false;
        }
    }

    @Override
    public Optional<KnownMeeting> find(MeetingId meetingId) {
        return Optional.ofNullable(mongo.getCollection(COLLECTION)
                        .find(new Document("_id", meetingId.toString()))
                        .first())
                .map(d -> new KnownMeeting(
                        meetingId,
                        d.getString("title"),
                        d.getDate("startsAt").toInstant(),
                        d.get("version", Number.class).longValue()));
    }
}
