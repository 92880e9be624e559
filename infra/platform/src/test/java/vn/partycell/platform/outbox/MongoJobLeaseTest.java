package vn.partycell.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.partycell.platform.test.InMemoryMongo;

/** The one job lease both services use, over the Mongo wire protocol: one holder at a time. */
class MongoJobLeaseTest {

    private final MongoClient client = MongoClients.create(InMemoryMongo.uri("job_lease_test"));
    private final MongoTemplate mongo = new MongoTemplate(client, "job_lease_" + System.nanoTime());
    private Instant now = Instant.parse("2026-12-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void oneHolderAtATimeWhoRenewsItsOwnAndLosesItOnlyOnceItExpired() {
        MongoJobLease first = new MongoJobLease(mongo, clock);
        MongoJobLease second = new MongoJobLease(mongo, clock);

        assertThat(first.tryHold("member-import:1", Duration.ofMinutes(10))).isTrue();
        assertThat(second.tryHold("member-import:1", Duration.ofMinutes(10)))
                .as("held by another instance")
                .isFalse();
        assertThat(second.tryHold("member-import:2", Duration.ofMinutes(10)))
                .as("another job")
                .isTrue();

        now = now.plus(Duration.ofMinutes(9));
        assertThat(first.tryHold("member-import:1", Duration.ofMinutes(10)))
                .as("the holder renews")
                .isTrue();
        now = now.plus(Duration.ofMinutes(9));
        assertThat(second.tryHold("member-import:1", Duration.ofMinutes(10)))
                .as("renewed, so not yet expired")
                .isFalse();

        now = now.plus(Duration.ofMinutes(2));
        assertThat(second.tryHold("member-import:1", Duration.ofMinutes(10)))
                .as("expired: taken over")
                .isTrue();
        assertThat(first.tryHold("member-import:1", Duration.ofMinutes(10)))
                .as("the former holder cannot renew a lease taken over")
                .isFalse();
        first.release("member-import:1");
        assertThat(first.tryHold("member-import:1", Duration.ofMinutes(10)))
                .as("a release by a former holder leaves the new holder's lease")
                .isFalse();
        second.release("member-import:1");
        assertThat(first.tryHold("member-import:1", Duration.ofMinutes(10))).isTrue();
    }
}
