package vn.partycell.member.adapter.out.mongo;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
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

/** Members in MongoDB; each change and its events are one document write. */
@Repository
public class MongoMemberRepository implements MemberRepository {

    static final String COLLECTION = "members";

    /** The API's sort fields are the document's paths; {@code _id} keeps pages stable. */
    private static final Sort NATURAL_ORDER = Sort.by("_id");

    private final MongoTemplate mongo;
    private final AuditedWriter<MemberEvent> writer;

    public MongoMemberRepository(
            MongoTemplate mongo, OutboxStore outbox, OutboxEventMapper<MemberEvent> events, AuditRelay audit) {
        this.mongo = mongo;
        this.writer = new AuditedWriter<>(mongo, outbox, COLLECTION, "member", events, audit);
    }

    @Override
    public Optional<Member> find(MemberId id) {
        return Optional.ofNullable(mongo.findById(id.value().toString(), MemberDocument.class))
                .map(MemberDocument::toDomain);
    }

    @Override
    public void insert(Change<Member, MemberEvent> registered) {
        Member member = registered.state();
        try {
            writer.insert(MemberDocument.from(member), registered);
        } catch (DuplicateKeyException e) {
            throw taken(e, member);
        }
    }

    @Override
    public void update(Change<Member, MemberEvent> change, long expectedVersion) {
        try {
            writer.update(MemberDocument.from(change.state()), change, expectedVersion);
        } catch (DuplicateKeyException e) {
            // An identity correction to a citizen ID or card number another member holds.
            throw taken(e, change.state());
        }
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
    public java.util.List<Member> withPlannedEndBy(LocalDate day, int limit) {
        Query query = Query.query(Criteria.where("plannedEndOn").lte(day))
                .with(Sort.by("plannedEndOn", "_id"))
                .limit(limit);
        return mongo.find(query, MemberDocument.class).stream()
                .map(MemberDocument::toDomain)
                .toList();
    }
}
