package vn.partycell.member.adapter.out.mongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import vn.partycell.member.application.MemberDirectory;
import vn.partycell.member.application.MemberSearch;
import vn.partycell.member.application.VietnameseCollation;
import vn.partycell.member.domain.Member;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;
import vn.partycell.platform.mongo.MongoPages;

/**
 * Member lists from MongoDB in Vietnamese order: by the stored {@code sortKey}, then {@code _id},
 * which the {@code vietnamese_order} indexes serve; name words by anchored prefixes on the indexed
 * {@code nameWords}; the scope by anchored org-path prefixes on the indexed {@code orgPath}.
 */
@Repository
public class MongoMemberDirectory implements MemberDirectory {

    private static final Sort VIETNAMESE_ORDER = Sort.by("sortKey", "_id");

    private final MongoTemplate mongo;

    public MongoMemberDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public ResultPage<Member> search(MemberSearch search, PageQuery page) {
        // The page's own sort is ignored: a member list has one order (PageRequests allows none).
        PageQuery ordered = new PageQuery(page.page(), page.size(), List.of());
        ResultPage<Member> found = MongoPages.find(
                mongo,
                Query.query(criteria(search)),
                ordered,
                Map.of(),
                VIETNAMESE_ORDER,
                MemberDocument.class,
                MemberDocument::toDomain);
        return new ResultPage<>(found.content(), page, found.totalElements());
    }

    @Override
    public List<Member> after(MemberSearch search, Member after, int limit) {
        Criteria criteria = criteria(search);
        if (after != null) {
            String key = VietnameseCollation.sortKey(after.person().fullName());
            String id = after.id().value().toString();
            criteria = new Criteria()
                    .andOperator(
                            criteria,
                            new Criteria()
                                    .orOperator(
                                            Criteria.where("sortKey").gt(key),
                                            Criteria.where("sortKey")
                                                    .is(key)
                                                    .and("_id")
                                                    .gt(id)));
        }
        Query query = Query.query(criteria).with(VIETNAMESE_ORDER).limit(limit);
        return mongo.find(query, MemberDocument.class).stream()
                .map(MemberDocument::toDomain)
                .toList();
    }

    private static Criteria criteria(MemberSearch search) {
        List<Criteria> all = new ArrayList<>();
        if (!search.within().contains(OrgPath.ROOT)) {
            all.add(scope(search.within()));
        }
        for (String word : search.nameWords()) {
            // Folded words are [a-z0-9] only, nothing to escape.
            all.add(Criteria.where("nameWords").regex("^" + word));
        }
        if (search.status() != null) {
            all.add(Criteria.where("status").is(search.status()));
        }
        if (search.cellId() != null) {
            all.add(Criteria.where("cellId").is(search.cellId().value().toString()));
        }
        if (search.partyCardNumber() != null) {
            all.add(Criteria.where("person.partyCardNumber").is(search.partyCardNumber()));
        }
        if (search.citizenId() != null) {
            all.add(Criteria.where("citizenId").is(search.citizenId()));
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }

    /** Org-path codes are [a-z0-9-] and paths end with '/', so an anchored prefix needs no escaping. */
    private static Criteria scope(List<OrgPath> within) {
        if (within.isEmpty()) {
            return Criteria.where("orgPath").in(List.of());
        }
        List<Criteria> any = within.stream()
                .map(p -> Criteria.where("orgPath").regex("^" + p.value()))
                .toList();
        return any.size() == 1 ? any.getFirst() : new Criteria().orOperator(any);
    }
}
