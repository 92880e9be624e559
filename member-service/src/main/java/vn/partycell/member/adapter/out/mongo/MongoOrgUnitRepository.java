package vn.partycell.member.adapter.out.mongo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import vn.partycell.member.application.CellComposition;
import vn.partycell.member.application.OrgUnitRepository;
import vn.partycell.member.domain.CompositionWarning;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitEvent;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.ConflictException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.mongo.MongoPages;
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
    private final AuditedWriter<OrgUnitEvent> writer;

    public MongoOrgUnitRepository(
            MongoTemplate mongo, OutboxStore outbox, OutboxEventMapper<OrgUnitEvent> events, AuditRelay audit) {
        this.mongo = mongo;
        this.writer = new AuditedWriter<>(mongo, outbox, COLLECTION, "org-unit", events, audit);
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

    @Override
    public void update(Change<OrgUnit, OrgUnitEvent> change, long expectedVersion) {
        OrgUnit unit = change.state();
        try {
            writer.update(OrgUnitDocument.from(unit), change, expectedVersion);
        } catch (DuplicateKeyException e) {
            throw new ConflictException(
                    "org-code-taken", "Mã '" + unit.code() + "' đã được dùng cho một tổ chức cùng cấp trên");
        }
    }

    @Override
    public long countLiveChildren(OrgUnitId parentId) {
        return mongo.count(
                Query.query(Criteria.where("parentId")
                        .is(parentId.value().toString())
                        .and("dissolvedOn")
                        .isNull()),
                OrgUnitDocument.class);
    }

    @Override
    public List<OrgUnit> pendingMoves() {
        return mongo.find(Query.query(Criteria.where("pendingMove").ne(null)), OrgUnitDocument.class).stream()
                .map(OrgUnitDocument::toDomain)
                .toList();
    }

    @Override
    public List<OrgUnit> under(OrgPath prefix, int limit) {
        return mongo.find(underQuery(prefix).limit(limit), OrgUnitDocument.class).stream()
                .map(OrgUnitDocument::toDomain)
                .toList();
    }

    @Override
    public long countUnder(OrgPath prefix) {
        return mongo.count(underQuery(prefix), OrgUnitDocument.class);
    }

    private static Query underQuery(OrgPath prefix) {
        // Codes are [a-z0-9-]: an anchored prefix regex needs no escaping and is served by the orgPath index.
        return Query.query(Criteria.where("orgPath").regex("^" + prefix.value()));
    }

    @Override
    public int repath(List<OrgUnit> repathed) {
        return writer.updateEach(
                repathed.stream().map(Change::<OrgUnit, OrgUnitEvent>silent).toList(),
                OrgUnitDocument::from,
                u -> u.version() - 1);
    }

    @Override
    public void recordMoveProgress(OrgUnitId id, long total, long done) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id")
                        .is(id.value().toString())
                        .and("pendingMove")
                        .ne(null)),
                new Update().set("pendingMove.total", total).set("pendingMove.done", done),
                COLLECTION);
    }

    @Override
    public void completeMove(OrgUnitId id, OrgPath to) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id")
                        .is(id.value().toString())
                        .and("pendingMove.to")
                        .is(to.value())),
                new Update().unset("pendingMove"),
                COLLECTION);
    }

    @Override
    public void storeComposition(OrgUnitId cellId, long fullMembers, List<CompositionWarning> warnings) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(cellId.value().toString())),
                new Update()
                        .set("fullMembers", fullMembers)
                        .set(
                                "compositionWarnings",
                                warnings.stream()
                                        .map(w ->
                                                new org.bson.Document("code", w.code()).append("message", w.message()))
                                        .toList()),
                COLLECTION);
    }

    @Override
    public ResultPage<CellComposition> withCompositionWarnings(OrgPath prefix, PageQuery page) {
        Criteria criteria = Criteria.where("kind")
                .is(OrgUnitKind.CELL)
                .and("compositionWarnings.code")
                .exists(true)
                .and("orgPath")
                .regex("^" + prefix.value());
        return MongoPages.find(
                mongo,
                Query.query(criteria),
                page,
                Map.of(),
                NATURAL_ORDER,
                OrgUnitDocument.class,
                d -> new CellComposition(
                        d.toDomain(),
                        d.fullMembers() == null ? 0 : d.fullMembers(),
                        d.compositionWarnings() == null ? List.of() : d.compositionWarnings()));
    }

    @Override
    public List<OrgUnit> withRolesOf(vn.partycell.member.domain.MemberId memberId) {
        return mongo
                .find(
                        Query.query(Criteria.where("roles.memberId")
                                .is(memberId.value().toString())),
                        OrgUnitDocument.class)
                .stream()
                .map(OrgUnitDocument::toDomain)
                .toList();
    }

    /**
     * Nodes with any record of the role under the paths (anchored prefixes) or above them (their
     * ancestors' paths, by the unique path index), then who holds it that day, decided by the node.
     */
    @Override
    public java.util.Set<vn.partycell.member.domain.MemberId> holdersOn(
            vn.partycell.member.domain.ElectedRole role, List<OrgPath> within, java.time.LocalDate day) {
        Criteria criteria = Criteria.where("roles.role").is(role);
        if (!within.contains(OrgPath.ROOT)) {
            if (within.isEmpty()) {
                return java.util.Set.of();
            }
            java.util.Set<String> ancestors = new java.util.TreeSet<>();
            List<Criteria> any = new java.util.ArrayList<>();
            for (OrgPath p : within) {
                any.add(Criteria.where("orgPath").regex("^" + p.value()));
                String value = p.value();
                for (int at = value.indexOf('/', 1);
                        at > 0 && at < value.length() - 1;
                        at = value.indexOf('/', at + 1)) {
                    ancestors.add(value.substring(0, at + 1));
                }
            }
            if (!ancestors.isEmpty()) {
                any.add(Criteria.where("orgPath").in(ancestors));
            }
            criteria = new Criteria().andOperator(criteria, new Criteria().orOperator(any));
        }
        java.util.Set<vn.partycell.member.domain.MemberId> holders = new java.util.LinkedHashSet<>();
        mongo.find(Query.query(criteria), OrgUnitDocument.class).stream()
                .map(OrgUnitDocument::toDomain)
                .forEach(u -> holders.addAll(u.holdersOn(role, day)));
        return holders;
    }
}
