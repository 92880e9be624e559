package vn.partycell.member.application;

import java.time.Clock;
import vn.partycell.platform.kernel.JobLease;

/** What an import run needs, built once by {@link MemberImportService} and handed to each {@link MemberImportJob}. */
record MemberImportPorts(
        MemberImportJobs jobs,
        MemberImportFiles files,
        MemberImportStore store,
        OrgUnitRepository units,
        MembershipPolicy policy,
        Clock clock,
        CompositionService composition,
        MemberImportSettings settings,
        JobLease lease) {

    /** The lease a run is held by: one replica at a time runs (or resumes) it. */
    static String leaseOf(MemberImportId id) {
        return "member-import:" + id;
    }
}
