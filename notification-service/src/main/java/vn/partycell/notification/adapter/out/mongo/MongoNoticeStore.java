package vn.partycell.notification.adapter.out.mongo;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import vn.partycell.notification.application.NoticeStore;
import vn.partycell.notification.domain.Notice;
import vn.partycell.notification.domain.NoticeKind;
import vn.partycell.platform.kernel.OrgPath;

/**
 * Inboxes in MongoDB, one document per notice. The {@code _id} is the notice's (recipient, fact)
 * identity, and every write of a new notice is an upsert that only sets fields on insert: a second
 * write of the same fact matches the stored notice and changes nothing (not even its read state).
 * Times are stored as BSON dates (millisecond precision).
 */
@Repository
public class MongoNoticeStore implements NoticeStore {

    static final String NOTICES = "notices";

    private static final Sort NEWEST_FIRST =
            Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by(Sort.Direction.ASC, "_id"));

    private final MongoTemplate mongo;

    public MongoNoticeStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(NOTICES)
                .createIndex(
                        Indexes.compoundIndex(Indexes.ascending("recipientMemberId"), Indexes.descending("createdAt")),
                        new IndexOptions().name("inbox"));
        mongo.getCollection(NOTICES)
                .createIndex(
                        Indexes.compoundIndex(
                                Indexes.ascending("recipientMemberId"),
                                Indexes.ascending("readAt"),
                                Indexes.descending("createdAt")),
                        new IndexOptions().name("inbox_by_read_state"));
    }

    @Override
    public int insertIfAbsent(List<Notice> notices) {
        if (notices.isEmpty()) {
            return 0;
        }
        List<UpdateOneModel<Document>> writes = notices.stream()
                .map(n -> new UpdateOneModel<Document>(
                        Filters.eq("_id", n.id().toString()),
                        Updates.setOnInsert(fields(n)),
                        new UpdateOptions().upsert(true)))
                .toList();
        return mongo.getCollection(NOTICES)
                .bulkWrite(writes, new BulkWriteOptions().ordered(false))
                .getUpserts()
                .size();
    }

    @Override
    public Page<Notice> inbox(UUID recipientMemberId, Boolean unread, Pageable pageable) {
        Criteria criteria = Criteria.where("recipientMemberId").is(recipientMemberId.toString());
        if (Boolean.TRUE.equals(unread)) {
            criteria = criteria.and("readAt").is(null);
        } else if (Boolean.FALSE.equals(unread)) {
            criteria = criteria.and("readAt").ne(null);
        }
        long total = mongo.count(Query.query(criteria), NOTICES);
        Query page = Query.query(criteria)
                .with(NEWEST_FIRST)
                .skip(pageable.getOffset())
                .limit(pageable.getPageSize());
        List<Notice> content = mongo.find(page, Document.class, NOTICES).stream()
                .map(MongoNoticeStore::notice)
                .toList();
        return new PageImpl<>(content, pageable, total);
    }

    @Override
    public long unreadCount(UUID recipientMemberId) {
        return mongo.count(
                Query.query(Criteria.where("recipientMemberId")
                        .is(recipientMemberId.toString())
                        .and("readAt")
                        .is(null)),
                NOTICES);
    }

    @Override
    public Optional<Notice> markRead(UUID recipientMemberId, UUID noticeId, Instant at) {
        // Only an unread notice of this recipient changes; a read one keeps its first read time.
        Document marked = mongo.findAndModify(
                Query.query(own(recipientMemberId, noticeId).and("readAt").is(null)),
                new Update().set("readAt", Date.from(at)),
                FindAndModifyOptions.options().returnNew(true),
                Document.class,
                NOTICES);
        if (marked != null) {
            return Optional.of(notice(marked));
        }
        return Optional.ofNullable(
                        mongo.findOne(Query.query(own(recipientMemberId, noticeId)), Document.class, NOTICES))
                .map(MongoNoticeStore::notice);
    }

    private static Criteria own(UUID recipientMemberId, UUID noticeId) {
        return Criteria.where("_id")
                .is(noticeId.toString())
                .and("recipientMemberId")
                .is(recipientMemberId.toString());
    }

    @Override
    public long markAllRead(UUID recipientMemberId, Instant at) {
        return mongo.updateMulti(
                        Query.query(Criteria.where("recipientMemberId")
                                .is(recipientMemberId.toString())
                                .and("readAt")
                                .is(null)),
                        new Update().set("readAt", Date.from(at)),
                        NOTICES)
                .getModifiedCount();
    }

    private static Document fields(Notice n) {
        return new Document("recipientMemberId", n.recipientMemberId().toString())
                .append("factKey", n.factKey())
                .append("kind", n.kind().name())
                .append("title", n.title())
                .append("body", n.body())
                .append("createdAt", Date.from(n.createdAt()))
                .append("readAt", n.readAt() == null ? null : Date.from(n.readAt()))
                .append(
                        "meetingId",
                        n.meetingId() == null ? null : n.meetingId().toString())
                .append("orgPath", n.orgPath().value())
                .append("eventId", n.eventId());
    }

    private static Notice notice(Document d) {
        Date readAt = d.getDate("readAt");
        String meetingId = d.getString("meetingId");
        return new Notice(
                UUID.fromString(d.getString("_id")),
                UUID.fromString(d.getString("recipientMemberId")),
                d.getString("factKey"),
                NoticeKind.valueOf(d.getString("kind")),
                d.getString("title"),
                d.getString("body"),
                d.getDate("createdAt").toInstant(),
                readAt == null ? null : readAt.toInstant(),
                meetingId == null ? null : UUID.fromString(meetingId),
                OrgPath.of(d.getString("orgPath")),
                d.getString("eventId"));
    }
}
