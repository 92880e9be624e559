package vn.partycell.member.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import vn.partycell.member.domain.Member;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;

/**
 * The member directory over an {@link InMemoryMemberRepository}, keeping what the Mongo adapter
 * promises: Vietnamese order by the same sort key, ties by id, name words as word prefixes. It records
 * the limit of every batch read, so that a test sees how an export walks the store.
 */
class InMemoryMemberDirectory implements MemberDirectory {

    /** Sort keys by full name: computing one per comparison would make a big export test slow. */
    private final Map<String, String> keys = new HashMap<>();

    private final Comparator<Member> order = Comparator.<Member, String>comparing(
                    m -> keys.computeIfAbsent(m.person().fullName(), VietnameseCollation::sortKey))
            .thenComparing(m -> m.id().value().toString());

    private final InMemoryMemberRepository members;
    private final List<Integer> batchLimits = new ArrayList<>();
    private final List<Integer> batchSizes = new ArrayList<>();

    InMemoryMemberDirectory(InMemoryMemberRepository members) {
        this.members = members;
    }

    List<Integer> batchLimits() {
        return List.copyOf(batchLimits);
    }

    List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    @Override
    public ResultPage<Member> search(MemberSearch search, PageQuery page) {
        List<Member> all = matching(search).toList();
        return new ResultPage<>(
                all.stream().skip(page.offset()).limit(page.size()).toList(), page, all.size());
    }

    @Override
    public List<Member> after(MemberSearch search, Member after, int limit) {
        batchLimits.add(limit);
        List<Member> batch = matching(search)
                .filter(m -> after == null || order.compare(m, after) > 0)
                .limit(limit)
                .toList();
        batchSizes.add(batch.size());
        return batch;
    }

    private Stream<Member> matching(MemberSearch s) {
        Predicate<Member> scope = m -> s.within().stream().anyMatch(p -> p.covers(m.orgPath()));
        Predicate<Member> name = m -> {
            List<String> words = VietnameseCollation.foldedWords(m.person().fullName());
            return s.nameWords().stream().allMatch(w -> words.stream().anyMatch(x -> x.startsWith(w)));
        };
        return members.all().stream()
                .filter(scope)
                .filter(name)
                .filter(m -> s.status() == null || m.status() == s.status())
                .filter(m -> s.cellId() == null || m.cellId().equals(s.cellId()))
                .filter(m -> s.partyCardNumber() == null
                        || s.partyCardNumber().equals(m.person().partyCardNumber()))
                .filter(m ->
                        s.citizenId() == null || s.citizenId().equals(m.person().citizenId()))
                .filter(m -> s.memberIds() == null || s.memberIds().contains(m.id()))
                .sorted(order);
    }
}
