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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import vn.partycell.notification.application.NoticeRepository;
import vn.partycell.notification.domain.MeetingId;
import vn.partycell.notification.domain.MeetingNotices;
import vn.partycell.notification.domain.MemberId;
import vn.partycell.notification.domain.Notice;
import vn.partycell.notification.domain.NoticeKind;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.mongo.MongoPages;

/**
 * Inboxes in MongoDB, one document per notice. The {@code _id} is the notice's (recipient, fact)
 * identity, and every write of a new notice is an upsert that only sets fields on insert: a second
 * write of the same fact matches the stored notice and changes nothing (not even its read state).
 * Times are stored as BSON dates (millisecond precision).
 */
@Repository
public class MongoNoticeRepository implements NoticeRepository {

    static final String NOTICES = "notices";

    private static final Sort NEWEST_FIRST =
            Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by(Sort.Direction.ASC, "_id"));

    private final MongoTemplate mongo;

    public MongoNoticeRepository(MongoTemplate mongo) {
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
        // A meeting's notices, to supersede them when it changes or is cancelled.
        mongo.getCollection(NOTICES)
                .createIndex(
                        Indexes.compoundIndex(Indexes.ascending("meetingId"), Indexes.ascending("planVersion")),
                        new IndexOptions().name("meeting_plan"));
    }

    @Override
    public long supersede(MeetingId meetingId, long planVersion, String byFactKey) {
        Criteria older = new Criteria()
                .orOperator(
                        Criteria.where("planVersion").lt(planVersion),
                        Criteria.where("planVersion").exists(false));
        Criteria notLater = new Criteria()
                .orOperator(
                        Criteria.where("supersededVersion").lt(planVersion),
                        Criteria.where("supersededVersion").exists(false));
        Criteria criteria = new Criteria()
                .andOperator(
                        Criteria.where("meetingId").is(meetingId.value().toString()),
                        Criteria.where("kind")
                                .in(NoticeKind.MEETING_SCHEDULED.name(), NoticeKind.MEETING_CHANGED.name()),
                        older,
                        notLater);
        return mongo.updateMulti(
                        Query.query(criteria),
                        new Update().set("supersededBy", byFactKey).set("supersededVersion", planVersion),
                        NOTICES)
                .getModifiedCount();
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
    public ResultPage<Notice> inbox(MemberId recipient, Boolean unread, PageQuery page) {
        Criteria criteria =
                Criteria.where("recipientMemberId").is(recipient.value().toString());
        if (Boolean.TRUE.equals(unread)) {
            criteria = criteria.and("readAt").is(null);
        } else if (Boolean.FALSE.equals(unread)) {
            criteria = criteria.and("readAt").ne(null);
        }
        long total = mongo.count(Query.query(criteria), NOTICES);
        if (page.offset() >= total) {
            return new ResultPage<>(List.of(), page, total);
        }
        // The inbox has one order, newest first; the page's sort (none is accepted) is not applied.
        Query query =
                MongoPages.paged(Query.query(criteria), PageQuery.of(page.page(), page.size()), Map.of(), NEWEST_FIRST);
        List<Notice> content = mongo.find(query, Document.class, NOTICES).stream()
                .map(MongoNoticeRepository::notice)
                .toList();
        return new ResultPage<>(content, page, total);
    }

    @Override
    public long unreadCount(MemberId recipient) {
        return mongo.count(
                Query.query(Criteria.where("recipientMemberId")
                        .is(recipient.value().toString())
                        .and("readAt")
                        .is(null)),
                NOTICES);
    }

    @Override
    public Optional<Notice> markRead(MemberId recipient, UUID noticeId, Instant at) {
        // Only an unread notice of this recipient changes; a read one keeps its first read time.
        Document marked = mongo.findAndModify(
                Query.query(own(recipient, noticeId).and("readAt").is(null)),
                new Update().set("readAt", Date.from(at)),
                FindAndModifyOptions.options().returnNew(true),
                Document.class,
                NOTICES);
        if (marked != null) {
            return Optional.of(notice(marked));
        }
        return Optional.ofNullable(mongo.findOne(Query.query(own(recipient, noticeId)), Document.class, NOTICES))
                .map(MongoNoticeRepository::notice);
    }

    private static Criteria own(MemberId recipient, UUID noticeId) {
        return Criteria.where("_id")
                .is(noticeId.toString())
                .and("recipientMemberId")
                .is(recipient.value().toString());
    }

    @Override
    public long markAllRead(MemberId recipient, Instant at) {
        return mongo.updateMulti(
                        Query.query(Criteria.where("recipientMemberId")
                                .is(recipient.value().toString())
                                .and("readAt")
                                .is(null)),
                        new Update().set("readAt", Date.from(at)),
                        NOTICES)
                .getModifiedCount();
    }

    private static Document fields(Notice n) {
        return new Document("recipientMemberId", n.recipientMemberId().value().toString())
                .append("factKey", n.factKey())
                .append("kind", n.kind().name())
                .append("title", n.title())
                .append("body", n.body())
                .append("createdAt", Date.from(n.createdAt()))
                .append("readAt", n.readAt() == null ? null : Date.from(n.readAt()))
                .append(
                        "meetingId",
                        n.meetingId() == null ? null : n.meetingId().value().toString())
                .append("orgPath", n.orgPath().value())
                .append("eventId", n.eventId())
                .append("planVersion", MeetingNotices.planVersion(n.factKey()))
                .append("supersededBy", n.supersededBy());
    }

    private static Notice notice(Document d) {
        Date readAt = d.getDate("readAt");
        String meetingId = d.getString("meetingId");
        return new Notice(
                UUID.fromString(d.getString("_id")),
                MemberId.of(d.getString("recipientMemberId")),
                d.getString("factKey"),
                NoticeKind.valueOf(d.getString("kind")),
                d.getString("title"),
                d.getString("body"),
                d.getDate("createdAt").toInstant(),
                readAt == null ? null : readAt.toInstant(),
                meetingId == null ? null : MeetingId.of(meetingId),
                OrgPath.of(d.getString("orgPath")),
                d.getString("eventId"),
                d.getString("supersededBy"));
    }
}
