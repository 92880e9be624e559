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
import vn.partycell.member.application.OrgUnits;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitEvent;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.outbox.OutboundEvents;
import vn.partycell.platform.outbox.OutboxStore;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.ScopeCriteria;

/** Org units in MongoDB; a new unit and its "created" event are one document insert. */
@Repository
public class MongoOrgUnits implements OrgUnits {

    static final String COLLECTION = "org_units";

    private final MongoTemplate mongo;
    private final OutboxStore outbox;
    private final OutboundEvents events;

    public MongoOrgUnits(MongoTemplate mongo, OutboxStore outbox, OutboundEvents events) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.events = events;
    }

    @Override
    public Optional<OrgUnit> find(UUID id) {
        return Optional.ofNullable(mongo.findById(id.toString(), OrgUnitDocument.class))
                .map(OrgUnitDocument::toDomain);
    }

    @Override
    public void insert(OrgUnit unit, OrgUnitEvent event) {
        try {
            outbox.insert(COLLECTION, OrgUnitDocument.from(unit), List.of(MemberTopics.toOutbox(events, event)));
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "org-code-taken", "Mã '" + unit.code() + "' đã được dùng cho một tổ chức cùng cấp trên");
        }
    }

    @Override
    public Page<OrgUnit> search(Caller caller, UUID parentId, String code, OrgUnitKind kind, Pageable pageable) {
        Criteria criteria = ScopeCriteria.within(caller, "orgPath");
        if (parentId != null) {
            criteria = new Criteria()
                    .andOperator(criteria, Criteria.where("parentId").is(parentId.toString()));
        }
        if (code != null) {
            criteria =
                    new Criteria().andOperator(criteria, Criteria.where("code").is(code));
        }
        if (kind != null) {
            criteria =
                    new Criteria().andOperator(criteria, Criteria.where("kind").is(kind));
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, OrgUnitDocument.class);
        List<OrgUnit> content = mongo.find(query.with(pageable), OrgUnitDocument.class).stream()
                .map(OrgUnitDocument::toDomain)
                .toList();
        return new PageImpl<>(content, pageable, total);
    }
}
