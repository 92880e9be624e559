package vn.partycell.notification.adapter.out.mongo;

import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;
import vn.partycell.notification.application.KnownMeetingRepository;
import vn.partycell.notification.domain.KnownMeeting;
import vn.partycell.notification.domain.MeetingId;
import vn.partycell.platform.mongo.NewerWins;

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
        NewerWins.prepare(mongo.getCollection(COLLECTION));
    }

    @Override
    public boolean saveIfNewer(KnownMeeting m) {
        Document fields = new Document("title", m.title())
                .append("startsAt", Date.from(m.startsAt()))
                .append("version", m.version());
        // Newer wins by unique keys only (a year of a province's meetings is 120,000 documents).
        return NewerWins.write(mongo.getCollection(COLLECTION), m.meetingId().toString(), fields);
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
