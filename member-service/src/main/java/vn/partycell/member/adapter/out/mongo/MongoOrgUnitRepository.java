package vn.partycell.member.adapter.out.mongo;

import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import vn.partycell.member.application.OrgUnitRepository;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitEvent;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.mongo.MongoPages;
import vn.partycell.platform.outbox.AggregateWriter;
import vn.partycell.platform.outbox.OutboxEventMapper;
import vn.partycell.platform.outbox.OutboxStore;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.ScopeCriteria;

/** Org units in MongoDB; a new unit and its "created" event are one document insert. */
@Repository
public class MongoOrgUnitRepository implements OrgUnitRepository {

    static final String COLLECTION = "org_units";

    /**
     * The API's sort fields are the document's paths. {@code _id}, never an API field, breaks ties
     * without repeating a field the caller sorted by (a repeated key would override its direction).
     */
    private static final Sort NATURAL_ORDER = Sort.by("_id");

    private final MongoTemplate mongo;
    private final AggregateWriter<OrgUnitEvent> writer;

    public MongoOrgUnitRepository(MongoTemplate mongo, OutboxStore outbox, OutboxEventMapper<OrgUnitEvent> events) {
        this.mongo = mongo;
        this.writer = new AggregateWriter<>(outbox, COLLECTION, events);
    }

    @Override
    public Optional<OrgUnit> find(OrgUnitId id) {
        return Optional.ofNullable(mongo.findById(id.value().toString(), OrgUnitDocument.class))
                .map(OrgUnitDocument::toDomain);
    }

    @Override
    public void insert(Change<OrgUnit, OrgUnitEvent> created) {
        OrgUnit unit = created.state();
        try {
            writer.insert(OrgUnitDocument.from(unit), created);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "org-code-taken", "Mã '" + unit.code() + "' đã được dùng cho một tổ chức cùng cấp trên");
        }
    }

    @Override
    public ResultPage<OrgUnit> search(
            Caller caller, OrgUnitId parentId, String code, OrgUnitKind kind, PageQuery page) {
        Criteria criteria = ScopeCriteria.within(caller, "orgPath");
        if (parentId != null) {
            criteria = new Criteria()
                    .andOperator(
                            criteria,
                            Criteria.where("parentId").is(parentId.value().toString()));
        }
        if (code != null) {
            criteria =
                    new Criteria().andOperator(criteria, Criteria.where("code").is(code));
        }
        if (kind != null) {
            criteria =
                    new Criteria().andOperator(criteria, Criteria.where("kind").is(kind));
        }
        return MongoPages.find(
                mongo,
                Query.query(criteria),
                page,
                Map.of(),
                NATURAL_ORDER,
                OrgUnitDocument.class,
                OrgUnitDocument::toDomain);
    }
}
