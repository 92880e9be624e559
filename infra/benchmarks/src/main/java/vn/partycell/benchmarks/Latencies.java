package vn.partycell.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collected latencies in milliseconds, with nearest-rank percentiles. */
final class Latencies {

    private final List<Double> millis = new ArrayList<>();

    synchronized void add(double value) {
        millis.add(value);
    }

    synchronized int count() {
        return millis.size();
    }

    /** Nearest-rank percentile (p in 0..100); NaN when empty. */
    synchronized double percentile(double p) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
