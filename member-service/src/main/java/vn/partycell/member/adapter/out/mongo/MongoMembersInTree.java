package vn.partycell.member.adapter.out.mongo;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import vn.partycell.member.application.MembersInTree;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.outbox.AggregateWriter;
import vn.partycell.platform.outbox.OutboxEventMapper;
import vn.partycell.platform.outbox.OutboxStore;

/**
 * The member register as the org tree reads it: by cell (the {@code cellId} index) and by org path
 * prefix (the {@code orgPath} index); a move's batch is one bulk of single-document writes, each
 * carrying the member's {@code members.member.updated} in its outbox.
 */
@Repository
public class MongoMembersInTree implements MembersInTree {

    private static final List<String> ACTIVE = Arrays.stream(MemberStatus.values())
            .filter(MemberStatus::isActive)
            .map(Enum::name)
            .toList();

    private final MongoTemplate mongo;
    private final AggregateWriter<MemberEvent> writer;

    public MongoMembersInTree(MongoTemplate mongo, OutboxStore outbox, OutboxEventMapper<MemberEvent> events) {
        this.mongo = mongo;
        this.writer = new AggregateWriter<>(outbox, MongoMemberRepository.COLLECTION, events);
    }

    @Override
    public Optional<Member> find(MemberId id) {
        return Optional.ofNullable(mongo.findById(id.value().toString(), MemberDocument.class))
                .map(MemberDocument::toDomain);
    }

    @Override
    public List<Member> under(OrgPath prefix, int limit) {
        return mongo.find(underQuery(prefix).limit(limit), MemberDocument.class).stream()
                .map(MemberDocument::toDomain)
                .toList();
    }

    @Override
    public long countUnder(OrgPath prefix) {
        return mongo.count(underQuery(prefix), MemberDocument.class);
    }

    private static Query underQuery(OrgPath prefix) {
        return Query.query(Criteria.where("orgPath").regex("^" + prefix.value()));
    }

    @Override
    public int repath(List<Change<Member, MemberEvent>> changes) {
        return writer.updateEach(changes, MemberDocument::from, m -> m.version() - 1);
    }

    @Override
    public long countActiveIn(OrgUnit unit) {
        Criteria criteria;
        if (unit.kind() == OrgUnitKind.CELL) {
            criteria = Criteria.where("cellId").is(key(unit.id()));
        } else if (unit.kind() == OrgUnitKind.PARTY_GROUP && unit.parentId() != null) {
            criteria = Criteria.where("cellId")
                    .is(key(unit.parentId()))
                    .and("partyGroupId")
                    .is(key(unit.id()));
        } else {
            return 0;
        }
        return mongo.count(Query.query(criteria.and("status").in(ACTIVE)), MemberDocument.class);
    }

    @Override
    public long countFullIn(OrgUnitId cellId) {
        return mongo.count(
                Query.query(
                        Criteria.where("cellId").is(key(cellId)).and("status").is(MemberStatus.FULL.name())),
                MemberDocument.class);
    }

    private static String key(OrgUnitId id) {
        return id.value().toString();
    }
}
