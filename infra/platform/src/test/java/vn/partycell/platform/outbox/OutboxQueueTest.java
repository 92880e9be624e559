package vn.partycell.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxQueueTest {

    @Test
    void idsLeaveOnceEachInTheOrderTheyCameAndPerCollection() {
        OutboxQueue queue = new OutboxQueue(10);
        queue.offer("members", List.of("a", "b"));
        queue.offer("members", List.of("b", "c"));
        queue.offer("units", List.of("x"));

        assertThat(queue.take("members", 2)).containsExactly("a", "b");
        assertThat(queue.take("members", 2)).containsExactly("c");
        assertThat(queue.isEmpty("members")).isTrue();
        assertThat(queue.take("units", 5)).containsExactly("x");
        assertThat(queue.take("nothing", 5)).isEmpty();
    }

    @Test
    void aFullQueueDropsWhatDoesNotFitAndSaysSoOnce() {
        OutboxQueue queue = new OutboxQueue(2);

        assertThat(queue.offer("members", List.of("a", "b", "c"))).isFalse();
        // An id already queued still fits.
        assertThat(queue.offer("members", List.of("a"))).isTrue();

        assertThat(queue.overflowed("members")).isTrue();
        assertThat(queue.overflowed("members")).isFalse();
        assertThat(queue.take("members", 10)).containsExactly("a", "b");
    }
}
