package vn.partycell.member.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.partycell.member.application.MemberImport.ImportFormat;
import vn.partycell.member.domain.Gender;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.member.domain.PersonalData;
import vn.partycell.platform.kernel.ForbiddenException;
import vn.partycell.platform.kernel.NotFoundException;
import vn.partycell.platform.security.Caller;
import vn.partycell.platform.security.Grant;
import vn.partycell.platform.security.Role;

/** The import use case on in-memory ports: rows decided by the registration's rules, batches, re-runs, cancel, resume. */
class MemberImportServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-04T03:00:00Z");

    private final InMemoryOrgUnitRepository units = new InMemoryOrgUnitRepository();
    private final InMemoryMemberImportJobs jobs = new InMemoryMemberImportJobs();
    private final InMemoryMemberImportFiles files = new InMemoryMemberImportFiles();
    private final InMemoryMemberImportStore store = new InMemoryMemberImportStore();
    private final MembershipPolicy policy =
            new MembershipPolicy(new MembershipPolicy.YearPolicy(new MembershipPolicy.Probation(12, 30)), Map.of());
    private final MemberImportSettings settings = new MemberImportSettings(1, 4, 3, 1000, "unused");
    private final InMemoryJobLease lease = new InMemoryJobLease();
    private final MemberImportService service = new MemberImportService(
            jobs, files, store, units, policy, Clock.fixed(NOW, ZoneOffset.UTC), null, settings, lease);

    private final OrgUnit province =
            units.given(OrgUnit.root(OrgUnitId.random(), "hy", "Tỉnh ủy Hưng Yên", OrgUnitKind.PROVINCE, NOW));
    private final OrgUnit committee =
            units.given(province.child(OrgUnitId.random(), "dubk", "Đảng ủy Khối cơ quan", OrgUnitKind.COMMITTEE, NOW));
    private final OrgUnit cell =
            units.given(committee.child(OrgUnitId.random(), "cb-01", "Chi bộ Sở Tư pháp", OrgUnitKind.CELL, NOW));
    private final OrgUnit cell2 =
            units.given(committee.child(OrgUnitId.random(), "cb-02", "Chi bộ Sở Y tế", OrgUnitKind.CELL, NOW));
    private final OrgUnit elsewhere =
            units.given(province.child(OrgUnitId.random(), "cb-09", "Chi bộ thôn Đình Dù", OrgUnitKind.CELL, NOW));

    private long sequence = 100;

    @AfterEach
    void stop() throws InterruptedException {
        files.release.countDown();
        service.stop();
    }

    private static Caller caller(OrgUnit at, Role role) {
        return new Caller("bt-" + role, Optional.empty(), List.of(new Grant(at.orgPath(), role)));
    }

    /** A woman born in 1985 registered in Hưng Yên (033, century/gender 1, year 85). */
    private String citizenId() {
        return String.format("033185%06d", sequence++);
    }

    private static ImportRow row(long number, String citizenId, String cell, LocalDate recognisedOn) {
        PersonalData person = new PersonalData(
                "Nguyễn Thị Hà " + number, LocalDate.of(1985, 4, 12), Gender.FEMALE, citizenId, null, null, null, null);
        return new ImportRow(number, person, LocalDate.of(2020, 3, 2), recognisedOn, cell, Map.of());
    }

    private MemberImport run(Caller who, OrgUnit into, List<ImportRow> rows) {
        files.next(rows);
        MemberImport started = service.start(
                who, into.id(), ImportFormat.CSV, "ds.csv", new ByteArrayInputStream(new byte[] {1, 2, 3}));
        return finished(started.id());
    }

    private MemberImport finished(MemberImportId id) {
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> jobs.find(id).orElseThrow().state().isOver());
        return jobs.find(id).orElseThrow();
    }

    @Test
    void validRowsAreRegisteredByBatchAndEveryOtherRowIsReportedWithItsField() {
        String taken = citizenId();
        List<ImportRow> rows = new ArrayList<>();
        rows.add(row(2, citizenId(), null, null));
        rows.add(row(3, citizenId(), "CB-01", LocalDate.of(2021, 3, 2)));
        rows.add(row(4, citizenId(), "chi bo so y te", null));
        rows.add(ImportRow.rejected(
                5, Map.of("dateOfBirth", "phải là ngày dạng dd/MM/yyyy, không phải \"31/02/1985\"")));
        rows.add(row(6, citizenId(), "Chi bộ thôn Đình Dù", null));
        rows.add(row(7, taken, cell.id().toString(), null));
        rows.add(row(8, taken, "cb-01", null));
        rows.add(row(9, citizenId(), "cb-01", LocalDate.of(2020, 9, 2)));

        MemberImport done = run(caller(committee, Role.SECRETARY), committee, rows);

        assertThat(done.state()).isEqualTo(MemberImportState.FINISHED);
        assertThat(done.rowsRead()).isEqualTo(8);
        assertThat(done.rowsAccepted()).isEqualTo(3);
        assertThat(done.rowsRejected()).isEqualTo(5);
        assertThat(done.chunks()).isEqualTo(3);
        assertThat(store.bulks).isEqualTo(3);
        assertThat(jobs.all(done.id()))
                .extracting(ImportRejection::row, ImportRejection::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, "cellId"),
                        org.assertj.core.groups.Tuple.tuple(5L, "dateOfBirth"),
                        org.assertj.core.groups.Tuple.tuple(6L, "cellId"),
                        org.assertj.core.groups.Tuple.tuple(8L, "citizenId"),
                        org.assertj.core.groups.Tuple.tuple(9L, "recognisedOn"));
        assertThat(jobs.all(done.id()).get(3).reason()).contains("dòng 7");
        assertThat(jobs.all(done.id()).get(4).reason()).contains("chưa đủ thời gian dự bị");

        Member full = store.byId
                .get(MemberImportService.memberIdFor(rows.get(1).person().citizenId()))
                .member();
        assertThat(full.cellId()).isEqualTo(cell.id());
        assertThat(full.status()).isEqualTo(MemberStatus.FULL);
        assertThat(full.history()).hasSize(2);
        assertThat(store.byId.get(full.id()).events())
                .hasExactlyElementsOfTypes(MemberEvent.Registered.class, MemberEvent.Updated.class);
        Member probationary = store.byId
                .get(MemberImportService.memberIdFor(rows.get(2).person().citizenId()))
                .member();
        assertThat(probationary.cellId()).isEqualTo(cell2.id());
        assertThat(probationary.status()).isEqualTo(MemberStatus.PROBATIONARY);
        assertThat(probationary.history().getFirst().recordedBy()).isEqualTo("bt-SECRETARY");
    }

    @Test
    void aReRunOfTheSameFileCreatesNothingAndSaysWhy() {
        String handEntered = citizenId();
        store.given(Member.register(
                        vn.partycell.member.domain.MemberId.random(),
                        row(0, handEntered, null, null).person(),
                        cell,
                        null,
                        MemberStatus.FULL,
                        false,
                        LocalDate.of(2010, 1, 1),
                        12,
                        "x",
                        NOW,
                        LocalDate.of(2026, 1, 4))
                .state());
        List<ImportRow> rows = List.of(
                row(2, citizenId(), null, null), row(3, citizenId(), null, null), row(4, handEntered, null, null));
        MemberImport first = run(caller(cell, Role.SECRETARY), cell, rows);
        assertThat(first.rowsAccepted()).isEqualTo(2);
        assertThat(first.rowsSkipped()).isEqualTo(1);
        int stored = store.byId.size();

        MemberImport second = run(caller(cell, Role.SECRETARY), cell, rows);

        assertThat(store.byId).hasSize(stored);
        assertThat(second.rowsAccepted()).isZero();
        assertThat(second.rowsSkipped()).isEqualTo(3);
        assertThat(jobs.all(second.id()))
                .extracting(ImportRejection::reason)
                .containsExactly(
                        "đảng viên có số CCCD này đã có trong sổ (đã nhập trước đây); bỏ qua",
                        "đảng viên có số CCCD này đã có trong sổ (đã nhập trước đây); bỏ qua",
                        "số CCCD " + handEntered + " đã thuộc về một đảng viên khác; bỏ qua");
    }

    @Test
    void aRunInterruptedMidBatchResumesFromItsOffsetAndCountsItsOwnRowsOnce() {
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rows.add(row(i + 2, citizenId(), null, null));
        }
        // As a crash leaves it: batch 0 (3 rows) recorded, batch 1 stored but not yet recorded.
        MemberImportId id = MemberImportId.random();
        MemberImport crashed = new MemberImport(
                id,
                cell.id(),
                "ds.csv",
                ImportFormat.CSV,
                "0",
                1,
                "bt",
                MemberImportState.RUNNING,
                3,
                3,
                0,
                0,
                1,
                false,
                NOW,
                NOW,
                null,
                null);
        jobs.insert(crashed);
        files.keep(id, rows);
        for (ImportRow r : rows.subList(0, 5)) {
            store.insertAll(
                    id,
                    List.of(new MemberImportStore.Imported(
                            Member.register(
                                    MemberImportService.memberIdFor(r.person().citizenId()),
                                    r.person(),
                                    cell,
                                    null,
                                    MemberStatus.PROBATIONARY,
                                    false,
                                    r.joinedOn(),
                                    12,
                                    "bt",
                                    NOW,
                                    LocalDate.of(2026, 1, 4)),
                            r.number())));
        }

        service.resumeUnfinished();

        MemberImport done = finished(id);
        assertThat(done.state()).isEqualTo(MemberImportState.FINISHED);
        assertThat(done.rowsRead()).isEqualTo(7);
        assertThat(done.rowsAccepted()).isEqualTo(7);
        assertThat(done.rowsSkipped()).isZero();
        assertThat(jobs.all(id)).isEmpty();
        assertThat(store.byId).hasSize(7);
        assertThat(files.exists(id)).isFalse();
    }

    @Test
    void aRunAnotherReplicaHoldsIsNotResumedHereUntilItsLeaseIsFree() {
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(row(i + 2, citizenId(), null, null));
        }
        MemberImportId id = MemberImportId.random();
        jobs.insert(MemberImport.queued(id, cell.id(), "ds.csv", ImportFormat.CSV, "0", 1, "bt", NOW));
        files.keep(id, rows);
        InMemoryJobLease otherReplica = lease.replica();
        assertThat(otherReplica.tryHold(MemberImportPorts.leaseOf(id), MemberImportService.LEASE))
                .isTrue();

        service.resumeUnfinished();

        await().pollDelay(Duration.ofMillis(300)).atMost(5, TimeUnit.SECONDS).until(() -> service.pending() == 0);
        assertThat(jobs.find(id).orElseThrow().state()).isEqualTo(MemberImportState.QUEUED);
        assertThat(store.byId).isEmpty();
        assertThat(files.exists(id))
                .as("the other replica's upload is left to it")
                .isTrue();

        otherReplica.release(MemberImportPorts.leaseOf(id));
        service.resumeUnfinished();
        MemberImport done = finished(id);
        assertThat(done.state()).isEqualTo(MemberImportState.FINISHED);
        assertThat(done.rowsAccepted()).isEqualTo(4);
        assertThat(lease.holders).as("released once over").doesNotContainKey(MemberImportPorts.leaseOf(id));
    }

    @Test
    void aRunWhoseLeaseWasTakenOverStopsBeforeItsNextBatch() throws InterruptedException {
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            rows.add(row(i + 2, citizenId(), null, null));
        }
        files.holdAfter = 4;
        files.next(rows);
        Caller secretary = caller(cell, Role.SECRETARY);
        MemberImport started = service.start(
                secretary, cell.id(), ImportFormat.CSV, "ds.csv", new ByteArrayInputStream(new byte[] {1}));
        assertThat(files.held.await(10, TimeUnit.SECONDS)).isTrue();
        // This replica was paused past its lease; another one took the run over.
        lease.replica().takeOver(MemberImportPorts.leaseOf(started.id()));
        files.release.countDown();

        await().atMost(10, TimeUnit.SECONDS).until(() -> service.pending() == 0);
        MemberImport left = jobs.find(started.id()).orElseThrow();
        assertThat(left.state()).as("left running for its new holder").isEqualTo(MemberImportState.RUNNING);
        assertThat(left.rowsRead()).isEqualTo(3);
        assertThat(store.byId).as("no batch stored after the takeover").hasSize(3);
        assertThat(files.exists(started.id())).isTrue();
    }

    @Test
    void aCancelledRunStopsAtTheNextBatchKeepingWholeRows() throws InterruptedException {
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            rows.add(row(i + 2, citizenId(), null, null));
        }
        files.holdAfter = 4;
        files.next(rows);
        Caller secretary = caller(cell, Role.SECRETARY);
        MemberImport started = service.start(
                secretary, cell.id(), ImportFormat.CSV, "ds.csv", new ByteArrayInputStream(new byte[] {1}));
        assertThat(files.held.await(10, TimeUnit.SECONDS)).isTrue();
        MemberImport following = service.get(secretary, cell.id(), started.id());
        assertThat(following.state()).isEqualTo(MemberImportState.RUNNING);
        assertThat(following.rowsRead()).isEqualTo(3);

        assertThat(service.cancel(secretary, cell.id(), started.id()).cancelRequested())
                .isTrue();
        files.release.countDown();

        MemberImport done = finished(started.id());
        assertThat(done.state()).isEqualTo(MemberImportState.CANCELLED);
        assertThat(done.rowsRead()).isEqualTo(6);
        assertThat(store.byId).hasSize(6);
        assertThat(done.finishedAt()).isNotNull();
    }

    @Test
    void outsideTheSubtreeIsNotFoundAndBelowSecretaryIsForbiddenBeforeAnyByteIsRead() {
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[] {1});
        assertThatThrownBy(
                        () -> service.start(caller(elsewhere, Role.SECRETARY), cell.id(), ImportFormat.CSV, "x", body))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.start(caller(cell, Role.COMMITTEE), cell.id(), ImportFormat.CSV, "x", body))
                .isInstanceOf(ForbiddenException.class);
        assertThat(body.available()).isEqualTo(1);

        MemberImport done = run(caller(cell, Role.SECRETARY), cell, List.of(row(2, citizenId(), null, null)));
        assertThatThrownBy(() -> service.get(caller(elsewhere, Role.SUPERIOR), cell.id(), done.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.get(caller(cell, Role.MEMBER), cell.id(), done.id()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.cancel(caller(cell, Role.COMMITTEE), cell.id(), done.id()))
                .isInstanceOf(ForbiddenException.class);
        // A run is only found under the node it imports into.
        assertThatThrownBy(() -> service.get(caller(province, Role.SUPERIOR), cell2.id(), done.id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(service.get(caller(province, Role.SUPERIOR), cell.id(), done.id())
                        .rowsAccepted())
                .isEqualTo(1);
    }

    @Test
    void theMemberIdOfARowIsItsCitizenIds() {
        assertThat(MemberImportService.memberIdFor("033185000001"))
                .isEqualTo(MemberImportService.memberIdFor("033185000001"))
                .isNotEqualTo(MemberImportService.memberIdFor("033185000002"));
        assertThat(Duration.ZERO).isNotNull();
    }
}
