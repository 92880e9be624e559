package vn.partycell.member.adapter.out.mongo;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import vn.partycell.member.adapter.out.events.MemberTopics;
import vn.partycell.member.application.Members;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxStore;

/** Members in MongoDB; each change and its event are one document write. */
@Repository
public class MongoMembers implements Members {

    static final String COLLECTION = "members";

    private final MongoTemplate mongo;
    private final OutboxStore outbox;
    private final OutboundEvents events;

    public MongoMembers(MongoTemplate mongo, OutboxStore outbox, OutboundEvents events) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.events = events;
    }

    @Override
    public Optional<Member> find(UUID id) {
        return Optional.ofNullable(mongo.findById(id.toString(), MemberDocument.class))
                .map(MemberDocument::toDomain);
    }

    @Override
    public void insert(Member member, MemberEvent event) {
        try {
            outbox.insert(COLLECTION, MemberDocument.from(member), List.of(MemberTopics.toOutbox(events, event)));
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "citizen-id-taken", "Số CCCD " + member.person().citizenId() + " đã thuộc về một đảng viên khác");
        }
    }

    @Override
    public void update(Member member, long expectedVersion, MemberEvent event) {
        outbox.update(
                COLLECTION,
                MemberDocument.from(member),
                expectedVersion,
                List.of(MemberTopics.toOutbox(events, event)));
    }

    @Override
    public Page<Member> inCell(UUID cellId, Pageable pageable) {
        Query query = Query.query(Criteria.where("cellId").is(cellId.toString()));
        long total = mongo.count(query, MemberDocument.class);
        List<Member> content = mongo.find(query.with(pageable), MemberDocument.class).stream()
                .map(MemberDocument::toDomain)
                .toList();
        return new PageImpl<>(content, pageable, total);
    }
}
