package vn.partycell.member.application;

import java.util.List;
import java.util.function.Consumer;
import vn.partycell.member.domain.Member;

/**
 * A checked member list ready to be written out: created by {@link MemberQueries#export} (which
 * refuses a bad or out-of-scope filter before anything is written), then walked in Vietnamese order
 * in batches of a fixed size, so that a list of a whole province never sits in memory.
 */
public final class MemberExport {

    private final MemberDirectory directory;
    private final MemberSearch search;
    private final MemberQueries.Visibility visibility;
    private final boolean personalColumns;
    private final int batchSize;

    MemberExport(
            MemberDirectory directory,
            MemberSearch search,
            MemberQueries.Visibility visibility,
            boolean personalColumns,
            int batchSize) {
        this.directory = directory;
        this.search = search;
        this.visibility = visibility;
        this.personalColumns = personalColumns;
        this.batchSize = batchSize;
    }

    /** True when the caller may see the personal data of every member the list can hold. */
    public boolean personalColumns() {
        return personalColumns;
    }

    /** Hands every member of the list to {@code rows}, in order; returns how many. */
    public long forEach(Consumer<MemberListing> rows) {
        if (search.within().isEmpty()) {
            return 0;
        }
        long count = 0;
        Member last = null;
        while (true) {
            List<Member> batch = directory.after(search, last, batchSize);
            for (Member member : batch) {
                rows.accept(new MemberListing(member, personalColumns && visibility.personal(member)));
                count++;
            }
            if (batch.size() < batchSize) {
                return count;
            }
            last = batch.getLast();
        }
    }
}
