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

    /** Ids per {@code $in} query when a list is narrowed to given members. */
    private static final int ID_BATCH = 500;

    private final MongoTemplate mongo;

    public MongoMemberDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A page of a few documents read by unique keys, sliced here. */
    private static ResultPage<Member> pageOf(List<MemberDocument> all, PageQuery page) {
        List<Member> content = all.stream()
                .skip(page.offset())
                .limit(page.size())
                .map(MemberDocument::toDomain)
                .toList();
        return new ResultPage<>(content, page, all.size());
    }

    @Override
    public ResultPage<Member> search(MemberSearch search, PageQuery page) {
        if (search.memberIds() != null) {
            return pageOf(byIds(search), page);
        }
        if (byUniqueKey(search)) {
            return pageOf(pointLookup(search), page);
        }
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
        if (search.memberIds() != null || byUniqueKey(search)) {
            String key = after == null
                    ? null
                    : VietnameseCollation.sortKey(after.person().fullName());
            String id = after == null ? null : after.id().value().toString();
            return (search.memberIds() != null ? byIds(search) : pointLookup(search))
                    .stream()
                            .filter(d -> key == null
                                    || d.sortKey().compareTo(key) > 0
                                    || (d.sortKey().equals(key) && d.id().compareTo(id) > 0))
                            .limit(limit)
                            .map(MemberDocument::toDomain)
                            .toList();
        }
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

    /**
     * A list narrowed to given members (the holders of a role): read by {@code _id} alone in
     * batches, the one lookup the local store serves from an index whatever else is asked, then
     * filtered and put in Vietnamese order here. The holders are few (a handful per node).
     */
    private List<MemberDocument> byIds(MemberSearch search) {
        List<String> ids = search.memberIds().stream()
                .map(id -> id.value().toString())
                .sorted()
                .toList();
        List<MemberDocument> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += ID_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + ID_BATCH));
            found.addAll(mongo.find(Query.query(Criteria.where("_id").in(batch)), MemberDocument.class));
        }
        return found.stream()
                .filter(d -> matches(search, d))
                .sorted(java.util.Comparator.comparing(MemberDocument::sortKey).thenComparing(MemberDocument::id))
                .toList();
    }

    /** An exact card number or citizen ID: at most one member, read by its unique key. */
    private static boolean byUniqueKey(MemberSearch search) {
        return search.partyCardNumber() != null || search.citizenId() != null;
    }

    /**
     * The member holding the card number (or citizen ID) read by that key ALONE, a filter the local
     * store answers from its unique index ({@code party_card_number_unique}, {@code citizenId}); with
     * the scope or any other criterion beside it, it would read every member. The rest of the search
     * (scope first) is then checked on that one document, so out of scope is not found.
     */
    private List<MemberDocument> pointLookup(MemberSearch search) {
        Criteria key = search.partyCardNumber() != null
                ? Criteria.where(PARTY_CARD_KEY).is(search.partyCardNumber())
                : Criteria.where("citizenId").is(search.citizenId());
        return mongo.find(Query.query(key), MemberDocument.class, MongoMemberRepository.COLLECTION).stream()
                .filter(d -> matches(search, d))
                .sorted(java.util.Comparator.comparing(MemberDocument::sortKey).thenComparing(MemberDocument::id))
                .toList();
    }

    /** The top-level copy of the card number its unique sparse key is on. */
    static final String PARTY_CARD_KEY = "partyCardNumber";

    /** The same criteria as {@link #criteria}, on one document. */
    private static boolean matches(MemberSearch s, MemberDocument d) {
        boolean inScope = s.within().stream()
                .anyMatch(p -> p.equals(OrgPath.ROOT) || d.orgPath().startsWith(p.value()));
        List<String> words = d.nameWords() == null ? List.of() : d.nameWords();
        return inScope
                && s.nameWords().stream().allMatch(w -> words.stream().anyMatch(x -> x.startsWith(w)))
                && (s.status() == null || s.status() == d.status())
                && (s.cellId() == null || s.cellId().value().toString().equals(d.cellId()))
                && (s.partyCardNumber() == null
                        || s.partyCardNumber().equals(d.person().partyCardNumber()))
                && (s.citizenId() == null || s.citizenId().equals(d.citizenId()));
    }
}
