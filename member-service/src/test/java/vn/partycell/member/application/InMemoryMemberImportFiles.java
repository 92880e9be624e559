package vn.partycell.member.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import vn.partycell.member.application.MemberImport.ImportFormat;

/**
 * Uploads in memory: the next {@link #store} keeps the rows given by {@link #next} (the parsed file);
 * a row reader can be held after a number of rows to test cancellation.
 */
final class InMemoryMemberImportFiles implements MemberImportFiles {

    private final Deque<List<ImportRow>> uploads = new ArrayDeque<>();
    final Map<MemberImportId, List<ImportRow>> files = new ConcurrentHashMap<>();
    volatile long holdAfter = Long.MAX_VALUE;
    final CountDownLatch held = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    void next(List<ImportRow> rows) {
        uploads.add(rows);
    }

    void keep(MemberImportId id, List<ImportRow> rows) {
        files.put(id, rows);
    }

    @Override
    public StoredFile store(MemberImportId id, ImportFormat format, InputStream content) {
        try {
            long bytes = content.readAllBytes().length;
            files.put(id, uploads.remove());
            return new StoredFile("0".repeat(64), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ImportRows open(MemberImportId id, ImportFormat format, long skip) {
        Iterator<ImportRow> rows = files.get(id).stream().skip(skip).iterator();
        return new ImportRows() {
            long given = skip;

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public ImportRow next() {
                if (given++ == holdAfter) {
                    held.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return rows.next();
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public boolean exists(MemberImportId id) {
        return files.containsKey(id);
    }

    @Override
    public void delete(MemberImportId id) {
        files.remove(id);
    }
}
