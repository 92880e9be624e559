package vn.partycell.member.adapter.out.mongo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import vn.partycell.member.application.MemberLookup;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.OrgUnitId;

/** Members read in bulk from the {@code members} collection: by ids (unique) or by the indexed cellId. */
@Repository
public class MongoMemberLookup implements MemberLookup {

    private final MongoTemplate mongo;

    public MongoMemberLookup(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<MemberId, Member> findAll(Collection<MemberId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Query query = Query.query(Criteria.where("_id")
                .in(ids.stream().map(MemberId::toString).distinct().toList()));
        return mongo.find(query, MemberDocument.class, MongoMemberRepository.COLLECTION).stream()
                .map(MemberDocument::toDomain)
                .collect(Collectors.toMap(Member::id, Function.identity()));
    }

    @Override
    public List<Member> inCell(OrgUnitId cellId) {
        Query query = Query.query(Criteria.where("cellId").is(cellId.value().toString()));
        return mongo.find(query, MemberDocument.class, MongoMemberRepository.COLLECTION).stream()
                .map(MemberDocument::toDomain)
                .toList();
    }
}
