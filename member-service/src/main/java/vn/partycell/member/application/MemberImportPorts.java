package vn.partycell.member.application;

import java.time.Clock;

/** What an import run needs, built once by {@link MemberImportService} and handed to each {@link MemberImportJob}. */
record MemberImportPorts(
        MemberImportJobs jobs,
        MemberImportFiles files,
        MemberImportStore store,
        OrgUnitRepository units,
        MembershipPolicy policy,
        Clock clock,
        CompositionService composition,
        MemberImportSettings settings) {}
