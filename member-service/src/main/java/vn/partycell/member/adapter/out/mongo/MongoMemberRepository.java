package vn.partycell.member.adapter.out.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import vn.partycell.member.application.MemberRepository;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.mongo.MongoPages;
import vn.partycell.platform.outbox.OutboxEventMapper;
import vn.partycell.platform.outbox.OutboxStore;

/**
 * Members in MongoDB; each change and its events are one document write.
 *
 * <p>The planned-ends job finds its members through {@code member_planned_ends}: one small document
 * per member with a planned end in force ({@code _id} = member id, {@code on}, {@code version}),
 * written before the member's write that sets the end and removed after the write that clears it,
 * each guarded by the member's version so that an older write never overwrites a newer one. It is a
 * hint, the member's history stays the truth: the job reads each member by id and mends a hint that
 * a refused write or a crash left behind. So the job reads only the members with an end planned, not
 * the 250,000 of a province (the local store scans a collection for any query not by a unique key);
 * the first run of this release builds the hints once from {@code plannedEndOn}.
 */
@Repository
public class MongoMemberRepository implements MemberRepository {

    static final String COLLECTION = "members";
    static final String PLANNED_ENDS = "member_planned_ends";
    private static final String PLANNED_ENDS_BUILT = "~built";

    /** The API's sort fields are the document's paths; {@code _id} keeps pages stable. */
    private static final Sort NATURAL_ORDER = Sort.by("_id");

    private final MongoTemplate mongo;
    private final AuditedWriter<MemberEvent> writer;

    public MongoMemberRepository(
            MongoTemplate mongo, OutboxStore outbox, OutboxEventMapper<MemberEvent> events, AuditRelay audit) {
        this.mongo = mongo;
        this.writer = new AuditedWriter<>(mongo, outbox, COLLECTION, "member", events, audit);
        mongo.getCollection(PLANNED_ENDS).createIndex(Indexes.ascending("on"));
    }

    @Override
    public Optional<Member> find(MemberId id) {
        return Optional.ofNullable(mongo.findById(id.value().toString(), MemberDocument.class))
                .map(MemberDocument::toDomain);
    }

    @Override
    public void insert(Change<Member, MemberEvent> registered) {
        Member member = registered.state();
        planned(member);
        try {
            writer.insert(MemberDocument.from(member), registered);
        } catch (DuplicateKeyException e) {
            throw taken(e, member);
        }
    }

    @Override
    public void update(Change<Member, MemberEvent> change, long expectedVersion) {
        planned(change.state());
        try {
            writer.update(MemberDocument.from(change.state()), change, expectedVersion);
        } catch (DuplicateKeyException e) {
            // An identity correction to a citizen ID or card number another member holds.
            throw taken(e, change.state());
        }
        if (change.state().nextPlannedEnd().isEmpty()) {
            unplanned(change.state().id().value().toString(), change.state().version());
        }
    }

    /** Before the write: the member's next planned end, unless a newer write already named one. */
    private void planned(Member member) {
        Optional<LocalDate> on = member.nextPlannedEnd();
        if (on.isEmpty()) {
            return;
        }
        String id = member.id().value().toString();
        try {
            plannedEnds()
                    .updateOne(
                            Filters.and(Filters.eq("_id", id), Filters.lt("version", member.version())),
                            Updates.combine(
                                    Updates.set("on", on.get().toString()), Updates.set("version", member.version())),
                            new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // A newer write of the member holds the hint already.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private void unplanned(String id, long version) {
        plannedEnds().deleteOne(Filters.and(Filters.eq("_id", id), Filters.lte("version", version)));
    }

    private MongoCollection<Document> plannedEnds() {
        return mongo.getCollection(PLANNED_ENDS);
    }

    /**
     * Which unique key refused the write, from the index the store names: the card number's, else
     * the citizen ID's (the only other unique key a member write can hit). The write itself was
     * refused whole, so nothing of it is stored.
     */
    static ConflictException taken(DuplicateKeyException e, Member member) {
        if (String.valueOf(e.getMessage()).contains(MemberDocument.PARTY_CARD_UNIQUE)) {
            return new ConflictException(
                    "party-card-taken",
                    "Số thẻ đảng " + member.person().partyCardNumber() + " đã thuộc về một đảng viên khác",
                    Map.of("fields", Map.of("partyCardNumber", "đã thuộc về một đảng viên khác")));
        }
        return new ConflictException(
                "citizen-id-taken",
                "Số CCCD " + member.person().citizenId() + " đã thuộc về một đảng viên khác",
                Map.of("fields", Map.of("citizenId", "đã thuộc về một đảng viên khác")));
    }

    @Override
    public ResultPage<Member> inCell(OrgUnitId cellId, PageQuery page) {
        Query query = Query.query(Criteria.where("cellId").is(cellId.value().toString()));
        return MongoPages.find(
                mongo, query, page, Map.of(), NATURAL_ORDER, MemberDocument.class, MemberDocument::toDomain);
    }

    @Override
    public ResultPage<Member> recognitionsDue(OrgPath subtree, LocalDate dueBy, PageQuery page) {
        // Served by the (status, orgPath, recognitionDueOn) index: an anchored prefix on the path.
        Query query = Query.query(Criteria.where("status")
                .is(MemberStatus.PROBATIONARY)
                .and("orgPath")
                .regex("^" + subtree.value())
                .and("recognitionDueOn")
                .lte(dueBy));
        return MongoPages.find(
                mongo,
                query,
                page,
                Map.of(),
                Sort.by("recognitionDueOn", "_id"),
                MemberDocument.class,
                MemberDocument::toDomain);
    }

    @Override
    public List<Member> withPlannedEndBy(LocalDate day, int limit) {
        buildPlannedEnds();
        List<Member> due = new ArrayList<>();
        for (Document hint : plannedEnds()
                .find(Filters.lte("on", day.toString()))
                .sort(Sorts.ascending("on", "_id"))
                .limit(limit)) {
            Optional<Member> member = find(MemberId.of(hint.getString("_id")));
            Optional<LocalDate> on = member.flatMap(Member::nextPlannedEnd);
            if (on.isEmpty()) {
                unplanned(hint.getString("_id"), member.map(Member::version).orElse(Long.MAX_VALUE));
            } else if (on.get().isAfter(day)) {
                planned(member.get());
            } else {
                due.add(member.get());
            }
        }
        return due;
    }

    /** Once per store: the hints of the members an older release wrote with a planned end. */
    private void buildPlannedEnds() {
        if (plannedEnds().find(Filters.eq("_id", PLANNED_ENDS_BUILT)).first() != null) {
            return;
        }
        Query query = Query.query(Criteria.where("plannedEndOn").exists(true));
        mongo.stream(query, MemberDocument.class).forEach(d -> planned(d.toDomain()));
        try {
            plannedEnds().insertOne(new Document("_id", PLANNED_ENDS_BUILT));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }
}
