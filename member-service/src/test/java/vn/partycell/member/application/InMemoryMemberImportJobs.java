package vn.partycell.member.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Import runs and their per-batch rejections in memory. */
final class InMemoryMemberImportJobs implements MemberImportJobs {

    final Map<MemberImportId, MemberImport> jobs = new ConcurrentHashMap<>();
    final Map<String, List<ImportRejection>> rejections = new ConcurrentHashMap<>();

    @Override
    public void insert(MemberImport job) {
        if (jobs.putIfAbsent(job.id(), job) != null) {
            throw new IllegalStateException("duplicate " + job.id());
        }
    }

    @Override
    public Optional<MemberImport> find(MemberImportId id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public synchronized MemberImport save(MemberImport job) {
        MemberImport stored = jobs.get(job.id());
        MemberImport saved = new MemberImport(
                job.id(),
                job.unitId(),
                job.fileName(),
                job.format(),
                job.fileSha256(),
                job.fileBytes(),
                job.requestedBy(),
                job.state(),
                job.rowsRead(),
                job.rowsAccepted(),
                job.rowsRejected(),
                job.rowsSkipped(),
                job.chunks(),
                stored.cancelRequested(),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt(),
                job.failure());
        jobs.put(job.id(), saved);
        return saved;
    }

    @Override
    public synchronized Optional<MemberImport> requestCancellation(MemberImportId id) {
        MemberImport j = jobs.get(id);
        if (j == null) {
            return Optional.empty();
        }
        MemberImport requested = new MemberImport(
                j.id(),
                j.unitId(),
                j.fileName(),
                j.format(),
                j.fileSha256(),
                j.fileBytes(),
                j.requestedBy(),
                j.state(),
                j.rowsRead(),
                j.rowsAccepted(),
                j.rowsRejected(),
                j.rowsSkipped(),
                j.chunks(),
                true,
                j.createdAt(),
                j.startedAt(),
                j.finishedAt(),
                j.failure());
        jobs.put(id, requested);
        return Optional.of(requested);
    }

    @Override
    public List<MemberImport> unfinished() {
        return jobs.values().stream().filter(j -> !j.state().isOver()).toList();
    }

    @Override
    public void storeRejections(MemberImportId id, long chunk, List<ImportRejection> list) {
        rejections.put(id + ":" + chunk, List.copyOf(list));
    }

    @Override
    public void forEachRejection(MemberImportId id, long chunks, Consumer<ImportRejection> sink) {
        for (long c = 0; c < chunks; c++) {
            rejections.getOrDefault(id + ":" + c, List.of()).forEach(sink);
        }
    }

    List<ImportRejection> all(MemberImportId id) {
        List<ImportRejection> out = new ArrayList<>();
        forEachRejection(id, jobs.get(id).chunks(), out::add);
        out.sort(Comparator.comparingLong(ImportRejection::row));
        return out;
    }
}
