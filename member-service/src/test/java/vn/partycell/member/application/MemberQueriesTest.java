package vn.partycell.member.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.partycell.member.domain.Gender;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.member.domain.PersonalData;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.kernel.OrgPath;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Grant;
import vn.partycell.platform.security.Role;

/** MemberQueries against in-memory ports: scope, the citizen-ID rule, personal data, batched export. */
class MemberQueriesTest {

    private static final Instant NOW = Instant.parse("2026-01-04T18:00:00Z");

    private final InMemoryOrgUnitRepository units = new InMemoryOrgUnitRepository();
    private final InMemoryMemberRepository members = new InMemoryMemberRepository();
    private final InMemoryMemberDirectory directory = new InMemoryMemberDirectory(members);
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final MemberQueries queries = new MemberQueries(directory, units, 100, audit);

    private final OrgUnit province =
            units.given(OrgUnit.root(OrgUnitId.random(), "hy", "Tỉnh ủy Hưng Yên", OrgUnitKind.PROVINCE, NOW));
    private final OrgUnit committee =
            units.given(province.child(OrgUnitId.random(), "dk", "Đảng ủy Khối", OrgUnitKind.COMMITTEE, NOW));
    private final OrgUnit cell =
            units.given(committee.child(OrgUnitId.random(), "cb-01", "Chi bộ Sở Tư pháp", OrgUnitKind.CELL, NOW));
    private final OrgUnit otherCell =
            units.given(province.child(OrgUnitId.random(), "cb-02", "Chi bộ thôn Đình Dù", OrgUnitKind.CELL, NOW));

    private int citizens;

    private static Caller caller(OrgUnit at, Role role) {
        return new Caller("u-" + role, Optional.empty(), List.of(new Grant(at.orgPath(), role)));
    }

    private Member member(OrgUnit in, String fullName, String card) {
        PersonalData person = new PersonalData(
                fullName,
                LocalDate.of(1985, 4, 12),
                Gender.MALE,
                String.format("033085%06d", ++citizens % 1_000_000),
                card,
                "0912345678",
                "dv@example.vn",
                "Văn Lâm");
        var registered = Member.register(
                MemberId.random(),
                person,
                in,
                null,
                MemberStatus.FULL,
                false,
                LocalDate.of(2020, 3, 2),
                12,
                "bt",
                NOW,
                LocalDate.of(2026, 1, 5));
        members.insert(registered);
        return registered.state();
    }

    private static List<String> names(List<MemberListing> listings) {
        return listings.stream().map(l -> l.member().person().fullName()).toList();
    }

    @Test
    void aNameWithoutDiacritiesInAnyCaseFindsTheMembersInVietnameseOrderWithinTheCallersSubtree() {
        member(cell, "Nguyễn Văn An", null);
        member(cell, "Trần Văn Đức", null);
        member(cell, "Lê Thị Ánh", null);
        member(cell, "Nguyễn Thị Bình", null);
        member(otherCell, "Nguyễn Văn Ân", null);

        var found = queries.search(
                caller(committee, Role.MEMBER),
                new MemberFilter("NGUYEN van", null, null, null, null, null),
                PageQuery.of(0, 20));
        assertThat(names(found.content())).containsExactly("Nguyễn Văn An");

        var d = queries.search(
                caller(province, Role.MEMBER),
                new MemberFilter("duc", null, null, null, null, null),
                PageQuery.of(0, 20));
        assertThat(names(d.content())).containsExactly("Trần Văn Đức");

        var all = queries.search(caller(province, Role.MEMBER), MemberFilter.none(), PageQuery.of(0, 3));
        assertThat(names(all.content())).containsExactly("Nguyễn Văn An", "Lê Thị Ánh", "Nguyễn Văn Ân");
        assertThat(all.totalElements()).isEqualTo(5);
    }

    @Test
    void aFilterNamingANodeOutsideTheCallersSubtreeIsNotFound() {
        Caller inCell = caller(cell, Role.SECRETARY);
        assertThatThrownBy(() -> queries.search(
                        inCell,
                        new MemberFilter(null, null, null, otherCell.orgPath(), null, null),
                        PageQuery.of(0, 20)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.search(
                        inCell, new MemberFilter(null, null, otherCell.id(), null, null, null), PageQuery.of(0, 20)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> queries.export(
                        inCell, new MemberFilter(null, null, OrgUnitId.random(), null, null, null), "csv"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theCitizenIdIsLookedUpOnlyWhereTheCallerIsASecretaryOrAbove() {
        Member an = member(cell, "Nguyễn Văn An", "01234567");
        MemberFilter byCitizenId =
                new MemberFilter(null, null, null, null, null, an.person().citizenId());

        for (Role weak : List.of(Role.MEMBER, Role.COMMITTEE)) {
            assertThatThrownBy(() -> queries.search(caller(cell, weak), byCitizenId, PageQuery.of(0, 20)))
                    .isInstanceOf(ForbiddenException.class);
        }
        assertThat(queries.search(caller(cell, Role.SECRETARY), byCitizenId, PageQuery.of(0, 20))
                        .content())
                .extracting(MemberListing::member)
                .containsExactly(an);
        // A secretary of another cell finds nobody: the lookup stays inside their own subtree.
        assertThat(queries.search(caller(otherCell, Role.SECRETARY), byCitizenId, PageQuery.of(0, 20))
                        .content())
                .isEmpty();
        // A member of the province who is secretary of one cell looks up only in that cell.
        Caller mixed = new Caller(
                "mixed",
                Optional.empty(),
                List.of(new Grant(province.orgPath(), Role.MEMBER), new Grant(otherCell.orgPath(), Role.SECRETARY)));
        assertThat(queries.search(mixed, byCitizenId, PageQuery.of(0, 20)).content())
                .isEmpty();
        assertThat(queries.search(
                                mixed, new MemberFilter(null, null, null, null, "01234567", null), PageQuery.of(0, 20))
                        .content())
                .extracting(MemberListing::member)
                .containsExactly(an);
    }

    @Test
    void personalDataIsShownToTheMemberThemselfAndToASecretaryOrAboveOnly() {
        Member an = member(cell, "Nguyễn Văn An", null);
        MemberFilter all = MemberFilter.none();

        assertThat(queries.search(caller(cell, Role.COMMITTEE), all, PageQuery.of(0, 20))
                        .content())
                .singleElement()
                .satisfies(l -> assertThat(l.personal()).isFalse());
        Caller self = new Caller("an", Optional.of(an.id().value()), List.of(new Grant(cell.orgPath(), Role.MEMBER)));
        assertThat(queries.search(self, all, PageQuery.of(0, 20)).content())
                .singleElement()
                .satisfies(l -> assertThat(l.personal()).isTrue());
        assertThat(queries.search(caller(province, Role.SUPERIOR), all, PageQuery.of(0, 20))
                        .content())
                .singleElement()
                .satisfies(l -> assertThat(l.personal()).isTrue());

        assertThat(queries.export(caller(cell, Role.COMMITTEE), all, "csv").personalColumns())
                .isFalse();
        assertThat(queries.export(caller(cell, Role.SECRETARY), all, "csv").personalColumns())
                .isTrue();
    }

    @Test
    void anExportWritesItsAuditLineBeforeItsFirstRowAndARefusedOneWritesNone() {
        member(cell, "Nguyễn Văn An", null);
        MemberFilter inCell = new MemberFilter("an", null, cell.id(), null, null, null);

        MemberExport export = queries.export(caller(cell, Role.SECRETARY), inCell, "xlsx");

        assertThat(audit.exports).singleElement().satisfies(line -> {
            assertThat(line.recordKind()).isEqualTo("member-export");
            assertThat(line.action()).isEqualTo("export.xlsx");
            assertThat(line.scope()).isEqualTo(cell.orgPath());
            assertThat(line.details())
                    .containsEntry("cellId", cell.id().toString())
                    .containsEntry("q", "an")
                    .containsEntry("personalColumns", "true");
        });
        export.forEach(row -> assertThat(audit.exports).hasSize(1));
        assertThatThrownBy(() -> queries.export(
                        caller(cell, Role.SECRETARY),
                        new MemberFilter(null, null, OrgUnitId.random(), null, null, null),
                        "csv"))
                .isInstanceOf(NotFoundException.class);
        assertThat(audit.exports).hasSize(1);
    }

    @Test
    void theScopeOfAnExportLineIsTheNarrowestPathOverTheWholeList() {
        assertThat(MemberQueries.common(List.of(OrgPath.of("/hy/a/cb-1/"), OrgPath.of("/hy/a/cb-2/"))))
                .isEqualTo(OrgPath.of("/hy/a/"));
        assertThat(MemberQueries.common(List.of(OrgPath.of("/hy/a/"), OrgPath.of("/hn/b/"))))
                .isEqualTo(OrgPath.ROOT);
        assertThat(MemberQueries.common(List.of(OrgPath.of("/hy/a/cb-1/")))).isEqualTo(OrgPath.of("/hy/a/cb-1/"));
    }

    @Test
    void anExportOfThousandsOfMembersReadsTheStoreInBatchesOfTheFixedSizeInVietnameseOrder() {
        String[] given = {"An", "Ánh", "Bình", "Dũng", "Đức", "Hà", "Lan", "Minh", "Thu", "Yến"};
        String[] family = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng"};
        for (int i = 0; i < 2_500; i++) {
            member(i % 2 == 0 ? cell : otherCell, family[i % 5] + " Văn " + given[(i / 5) % 10], null);
        }

        List<MemberListing> rows = new ArrayList<>();
        long count = queries.export(caller(province, Role.SECRETARY), MemberFilter.none(), "csv")
                .forEach(rows::add);

        assertThat(count).isEqualTo(2_500);
        assertThat(rows).extracting(l -> l.member().id()).doesNotHaveDuplicates();
        // Never more than one batch of the fixed size asked for at once: 25 full batches and an empty one.
        assertThat(directory.batchLimits()).hasSize(26).containsOnly(100);
        assertThat(directory.batchSizes()).allMatch(n -> n <= 100);
        List<String> keys = rows.stream()
                .map(l -> VietnameseCollation.sortKey(l.member().person().fullName())
                        + l.member().id())
                .toList();
        assertThat(keys).isSorted();
        assertThat(rows.getFirst().member().person().fullName()).endsWith(" An");
        assertThat(rows.getLast().member().person().fullName()).endsWith(" Yến");
        assertThat(rows).allMatch(MemberListing::personal);
    }

    @Test
    void aCallerWithoutAnyGrantGetsAnEmptyListWithoutReadingTheStore() {
        member(cell, "Nguyễn Văn An", null);
        Caller nobody = new Caller("x", Optional.of(UUID.randomUUID()), List.of());
        assertThat(queries.search(nobody, MemberFilter.none(), PageQuery.of(0, 20))
                        .content())
                .isEmpty();
        assertThat(queries.export(nobody, MemberFilter.none(), "csv").forEach(l -> {}))
                .isZero();
        assertThat(directory.batchLimits()).isEmpty();
    }
}
