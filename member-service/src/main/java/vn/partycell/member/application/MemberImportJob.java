package vn.partycell.member.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.partycell.member.application.MemberImportStore.Imported;
import vn.partycell.member.application.MemberImportStore.Outcome;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberEvent;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.platform.kernel.Change;
import vn.partycell.platform.kernel.InvalidInputException;
import vn.partycell.platform.kernel.RuleViolationException;
import vn.partycell.platform.kernel.VietnamTime;

/**
 * One run of a member import on a worker: reads the file from the stored offset, decides each row,
 * stores the valid ones a batch at a time ({@link MemberImportStore}, one bulk per batch), then the
 * batch's rejections, then the new offset and counters. A crash between those writes repeats at most
 * one batch, and a repeated batch changes nothing: a member already stored by this run from the same
 * row counts as accepted again, any other duplicate is reported. Cancellation and interruption are
 * seen between batches.
 */
final class MemberImportJob implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(MemberImportJob.class);

    static final String RECOGNITION_REASON = "Công nhận đảng viên chính thức (theo danh sách nhập)";

    private final MemberImportId id;
    private final MemberImportPorts ports;
    private final Runnable done;
    private final Set<OrgUnitId> touchedCells = new LinkedHashSet<>();

    /** {@code done} runs when this worker is through with the run, whatever became of it. */
    MemberImportJob(MemberImportId id, MemberImportPorts ports, Runnable done) {
        this.id = id;
        this.ports = ports;
        this.done = done;
    }

    @Override
    public void run() {
        try {
            if (leaseHeld()) {
                runHeld();
            }
        } finally {
            done.run();
        }
    }

    /** Renews the run's lease; false if another replica took it over (it runs the import now). */
    private boolean leaseHeld() {
        if (ports.lease().tryHold(MemberImportPorts.leaseOf(id), MemberImportService.LEASE)) {
            return true;
        }
        log.warn("Member import {} stops here: its lease was taken over by another replica", id);
        return false;
    }

    private void runHeld() {
        MemberImport job = ports.jobs().find(id).orElse(null);
        if (job == null || job.state().isOver()) {
            return;
        }
        if (job.cancelRequested()) {
            end(job, MemberImportState.CANCELLED, null);
            return;
        }
        job = ports.jobs()
                .save(progress(
                        job,
                        MemberImportState.RUNNING,
                        job.startedAt() == null ? ports.clock().instant() : job.startedAt(),
                        0,
                        0,
                        0,
                        0));
        try {
            OrgUnit unit = ports.units().find(job.unitId()).orElse(null);
            if (unit == null || unit.isDissolved()) {
                end(job, MemberImportState.FAILED, "Tổ chức nhập vào không còn");
                return;
            }
            List<OrgUnit> under =
                    ports.units().under(unit.orgPath(), ports.settings().maxCells() + 1);
            if (under.size() > ports.settings().maxCells()) {
                end(job, MemberImportState.FAILED, "Tổ chức có quá nhiều chi bộ; hãy nhập theo từng tổ chức cấp dưới");
                return;
            }
            ImportCells cells = new ImportCells(unit, under);
            try (ImportRows rows = ports.files().open(id, job.format(), job.rowsRead())) {
                List<ImportRow> batch = new ArrayList<>(ports.settings().chunkSize());
                while (rows.hasNext()) {
                    batch.add(rows.next());
                    if (batch.size() == ports.settings().chunkSize()) {
                        if (!leaseHeld()) {
                            return;
                        }
                        job = storeBatch(job, cells, batch);
                        batch.clear();
                        if (job.cancelRequested()) {
                            end(job, MemberImportState.CANCELLED, null);
                            return;
                        }
                        if (Thread.currentThread().isInterrupted()) {
                            log.info(
                                    "Member import {} interrupted at row offset {}; resumes at the next start",
                                    id,
                                    job.rowsRead());
                            return;
                        }
                    }
                }
                if (!batch.isEmpty()) {
                    if (!leaseHeld()) {
                        return;
                    }
                    job = storeBatch(job, cells, batch);
                }
            }
            end(job, job.cancelRequested() ? MemberImportState.CANCELLED : MemberImportState.FINISHED, null);
        } catch (InvalidInputException e) {
            end(job, MemberImportState.FAILED, "Tệp: " + e.getMessage());
        } catch (RuleViolationException e) {
            // The file broke off (a malformed spreadsheet or CSV after the header): what was stored stays.
            end(job, MemberImportState.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Member import {} failed at row offset {}", id, job.rowsRead(), e);
            end(job, MemberImportState.FAILED, "Lỗi khi xử lý tệp; các dòng đã lưu vẫn được giữ");
        }
    }

    private MemberImport storeBatch(MemberImport job, ImportCells cells, List<ImportRow> rows) {
        LocalDate today = LocalDate.now(ports.clock().withZone(VietnamTime.ZONE));
        Instant now = ports.clock().instant();
        List<ImportRejection> rejections = new ArrayList<>();
        List<Imported> batch = new ArrayList<>();
        Map<String, Long> citizenIdRows = new HashMap<>();
        Map<String, Long> cardRows = new HashMap<>();
        long rejected = 0;
        for (ImportRow row : rows) {
            Map<String, String> problems = new LinkedHashMap<>(row.problems());
            OrgUnit cell = null;
            if (problems.isEmpty()) {
                ImportCells.Resolved resolved = cells.resolve(row.cellReference());
                cell = resolved.cell();
                if (cell == null) {
                    problems.put("cellId", resolved.problem());
                }
            }
            if (problems.isEmpty()) {
                Long earlier = citizenIdRows.putIfAbsent(row.person().citizenId(), row.number());
                if (earlier != null) {
                    problems.put("citizenId", "trùng số CCCD với dòng " + earlier + " của tệp");
                }
            }
            String card = problems.isEmpty() ? row.person().partyCardNumber() : null;
            if (card != null) {
                Long earlier = cardRows.putIfAbsent(card, row.number());
                if (earlier != null) {
                    problems.put("partyCardNumber", "trùng số thẻ đảng với dòng " + earlier + " của tệp");
                }
            }
            if (problems.isEmpty()) {
                try {
                    batch.add(new Imported(register(job, row, cell, now, today), row.number()));
                } catch (RuleViolationException e) {
                    problems.putAll(fields(e));
                }
            }
            if (!problems.isEmpty()) {
                rejected++;
                problems.forEach((field, reason) -> rejections.add(new ImportRejection(row.number(), field, reason)));
            }
        }
        List<Outcome> outcomes = ports.store().insertAll(id, batch);
        long accepted = 0;
        long skipped = 0;
        for (int i = 0; i < batch.size(); i++) {
            Imported imported = batch.get(i);
            Member member = imported.registered().state();
            switch (outcomes.get(i)) {
                case Outcome.Stored s -> {
                    accepted++;
                    touchedCells.add(member.cellId());
                }
                case Outcome.SameId same
                when id.equals(same.importId()) && Long.valueOf(imported.row()).equals(same.row()) -> {
                    // This row, stored by this run before a restart.
                    accepted++;
                    touchedCells.add(member.cellId());
                }
                case Outcome.SameId same
                when id.equals(same.importId()) -> {
                    rejected++;
                    rejections.add(new ImportRejection(
                            imported.row(), "citizenId", "trùng số CCCD với dòng " + same.row() + " của tệp"));
                }
                case Outcome.SameId same -> {
                    skipped++;
                    rejections.add(new ImportRejection(
                            imported.row(),
                            "citizenId",
                            "đảng viên có số CCCD này đã có trong sổ (đã nhập trước đây); bỏ qua"));
                }
                case Outcome.CitizenIdTaken taken -> {
                    skipped++;
                    rejections.add(new ImportRejection(
                            imported.row(),
                            "citizenId",
                            "số CCCD " + member.person().citizenId() + " đã thuộc về một đảng viên khác; bỏ qua"));
                }
                case Outcome.PartyCardTaken taken -> {
                    // Not stored: the register already has another member with this card.
                    rejected++;
                    rejections.add(new ImportRejection(
                            imported.row(),
                            "partyCardNumber",
                            "số thẻ đảng " + member.person().partyCardNumber() + " đã thuộc về một đảng viên khác"));
                }
            }
        }
        rejections.sort(Comparator.comparingLong(ImportRejection::row));
        ports.jobs().storeRejections(id, job.chunks(), rejections);
        return ports.jobs().save(progress(job, job.state(), job.startedAt(), rows.size(), accepted, rejected, skipped));
    }

    /**
     * The row's member as a registration records it: admitted as probationary on the day of admission,
     * then, when the file gives the day they became full, recognised on that day by the same rule as a
     * recognition (not before the year's probation ended), so the history holds both lines.
     */
    private Change<Member, MemberEvent> register(
            MemberImport job, ImportRow row, OrgUnit cell, Instant now, LocalDate today) {
        Change<Member, MemberEvent> registered = Member.register(
                MemberImportService.memberIdFor(row.person().citizenId()),
                row.person(),
                cell,
                null,
                MemberStatus.PROBATIONARY,
                false,
                row.joinedOn(),
                ports.policy().probationMonths(row.joinedOn().getYear()),
                job.requestedBy(),
                now,
                today);
        if (row.recognisedOn() == null) {
            return registered;
        }
        Change<Member, MemberEvent> recognised;
        try {
            recognised =
                    registered.state().recognise(row.recognisedOn(), RECOGNITION_REASON, job.requestedBy(), now, today);
        } catch (RuleViolationException e) {
            Map<String, String> problems = new LinkedHashMap<>();
            fields(e)
                    .forEach((field, reason) ->
                            problems.put(field.equals("effectiveOn") ? "recognisedOn" : field, reason));
            throw new RuleViolationException(e.code(), e.getMessage(), Map.of("fields", problems));
        }
        List<MemberEvent> events = new ArrayList<>(registered.events());
        events.addAll(recognised.events());
        return new Change<>(recognised.state(), events);
    }

    /** The field problems a rule violation names ({@code facts.fields}), else the whole row. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> fields(RuleViolationException e) {
        Map<String, String> out = new LinkedHashMap<>();
        if (e.facts().get("fields") instanceof Map<?, ?> fields && !fields.isEmpty()) {
            ((Map<Object, Object>) fields).forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        } else {
            out.put("row", e.getMessage());
        }
        return out;
    }

    private void end(MemberImport job, MemberImportState state, String failure) {
        MemberImport over = new MemberImport(
                job.id(),
                job.unitId(),
                job.fileName(),
                job.format(),
                job.fileSha256(),
                job.fileBytes(),
                job.requestedBy(),
                state,
                job.rowsRead(),
                job.rowsAccepted(),
                job.rowsRejected(),
                job.rowsSkipped(),
                job.chunks(),
                job.cancelRequested(),
                job.createdAt(),
                job.startedAt() == null ? ports.clock().instant() : job.startedAt(),
                ports.clock().instant(),
                failure);
        ports.jobs().save(over);
        ports.files().delete(id);
        // The stored composition figures of the cells this run filled, once at the end rather than per row.
        if (ports.composition() != null) {
            touchedCells.forEach(ports.composition()::refresh);
        }
        log.info(
                "Member import {} {}: {} rows read, {} accepted, {} rejected, {} skipped",
                id,
                state,
                over.rowsRead(),
                over.rowsAccepted(),
                over.rowsRejected(),
                over.rowsSkipped());
    }

    private static MemberImport progress(
            MemberImport j,
            MemberImportState state,
            Instant startedAt,
            long read,
            long accepted,
            long rejected,
            long skipped) {
        return new MemberImport(
                j.id(),
                j.unitId(),
                j.fileName(),
                j.format(),
                j.fileSha256(),
                j.fileBytes(),
                j.requestedBy(),
                state,
                j.rowsRead() + read,
                j.rowsAccepted() + accepted,
                j.rowsRejected() + rejected,
                j.rowsSkipped() + skipped,
                read == 0 ? j.chunks() : j.chunks() + 1,
                j.cancelRequested(),
                j.createdAt(),
                startedAt,
                j.finishedAt(),
                j.failure());
    }
}
