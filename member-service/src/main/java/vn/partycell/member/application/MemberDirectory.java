package vn.partycell.member.application;

import java.util.List;
import vn.partycell.member.domain.Member;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;

/**
 * Port: the member register read as lists, in Vietnamese order (the given name, then the middle
 * name(s), then the family name, by {@link VietnameseCollation#sortKey}; ties by member id).
 */
public interface MemberDirectory {

    /** One page of the members matching the search, in Vietnamese order. */
    ResultPage<Member> search(MemberSearch search, PageQuery page);

    /**
     * At most {@code limit} members matching the search that come after {@code after} in Vietnamese
     * order (from the first when null): how an export walks a list of any length in bounded batches.
     */
    List<Member> after(MemberSearch search, Member after, int limit);
}
