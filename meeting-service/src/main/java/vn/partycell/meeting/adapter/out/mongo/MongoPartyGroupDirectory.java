package vn.partycell.meeting.adapter.out.mongo;

import com.mongodb.client.model.Indexes;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import vn.partycell.meeting.application.PartyGroupDirectory;
import vn.partycell.meeting.domain.CellId;
import vn.partycell.meeting.domain.OrgUnitId;
import vn.partycell.meeting.domain.OrgUnitKind;
import vn.partycell.meeting.domain.PartyGroup;

/**
 * The party groups of a cell from the {@code cells} read model (members.org-unit.* snapshots keep
 * party groups beside cells, with their parent). Real MongoDB needs the {@code parentId} index
 * declared here; a cell has a handful of groups.
 */
@Repository
public class MongoPartyGroupDirectory implements PartyGroupDirectory {

    private final MongoTemplate mongo;

    public MongoPartyGroupDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(MongoRosterRepository.CELLS).createIndex(Indexes.ascending("parentId"));
    }

    @Override
    public List<PartyGroup> partyGroups(CellId cellId) {
        Query query = Query.query(
                Criteria.where("parentId").is(cellId.toString()).and("kind").is(OrgUnitKind.PARTY_GROUP.name()));
        return mongo.find(query, Document.class, MongoRosterRepository.CELLS).stream()
                .map(d -> new PartyGroup(OrgUnitId.of(d.getString("_id")), d.getString("name"), false))
                .sorted(Comparator.comparing(PartyGroup::name, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }
}
