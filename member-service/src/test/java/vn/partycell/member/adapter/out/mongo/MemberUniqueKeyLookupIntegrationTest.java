package vn.partycell.member.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.partycell.member.application.MemberSearch;
import vn.partycell.member.domain.Gender;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberId;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.OrgUnit;
import vn.partycell.member.domain.OrgUnitId;
import vn.partycell.member.domain.OrgUnitKind;
import vn.partycell.member.domain.PersonalData;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.test.ServiceIntegrationTest;

/**
 * A search by exact card number or citizen ID reads the member by that unique key alone: the one
 * filter shape the local store (mongo-java-server) answers from a unique index (its filter's keys
 * must be exactly the index's), where any criterion beside it (the caller's scope) makes it read every
 * member. Seen on the wire: every {@code find} the directory sends to {@code members} is recorded by a
 * command listener on its own client to the same store.
 */
@ServiceIntegrationTest
class MemberUniqueKeyLookupIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-01-04T18:00:00Z");
    private static long citizens = System.nanoTime() % 1_000_000;

    @Autowired
    MongoTemplate mongo;

    @Value("${spring.mongodb.uri}")
    String uri;

    final List<BsonDocument> finds = new CopyOnWriteArrayList<>();
    MongoClient client;
    MongoMemberDirectory directory;

    @BeforeEach
    void listened() {
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")
                        && event.getCommand().getString("find").getValue().equals(MongoMemberRepository.COLLECTION)) {
                    finds.add(event.getCommand().getDocument("filter").clone());
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .addCommandListener(listener)
                .build());
        directory =
                new MongoMemberDirectory(new MongoTemplate(client, mongo.getDb().getName()));
    }

    @AfterEach
    void closed() {
        client.close();
    }

    @Test
    void anExactCardNumberOrCitizenIdIsOnePointLookupByItsUniqueKeyStillInScope() {
        OrgUnit cell = cell();
        OrgUnit elsewhere = cell();
        String card = "DV-" + System.nanoTime();
        Member holder = member(cell, "Nguyễn Thị Hoa", card);
        Member other = member(cell, "Trần Văn Bình", "DV-x" + System.nanoTime());
        mongo.insert(List.of(MemberDocument.from(holder), MemberDocument.from(other)), MemberDocument.class);

        MemberSearch byCard = new MemberSearch(List.of(cell.orgPath()), List.of(), null, null, card, null);
        assertThat(directory.search(byCard, PageQuery.of(0, 20)).content())
                .extracting(Member::id)
                .containsExactly(holder.id());
        assertThat(directory.after(byCard, null, 20)).extracting(Member::id).containsExactly(holder.id());

        String citizenId = holder.person().citizenId();
        MemberSearch byCitizenId = new MemberSearch(List.of(cell.orgPath()), List.of(), null, null, null, citizenId);
        assertThat(directory.search(byCitizenId, PageQuery.of(0, 20)).content())
                .extracting(Member::id)
                .containsExactly(holder.id());

        // The key finds the member, the scope still rules: outside it, not found.
        MemberSearch outside = new MemberSearch(List.of(elsewhere.orgPath()), List.of(), null, null, card, null);
        assertThat(directory.search(outside, PageQuery.of(0, 20)).totalElements())
                .isZero();
        // And the other criteria still apply to it.
        MemberSearch wrongStatus =
                new MemberSearch(List.of(cell.orgPath()), List.of(), MemberStatus.PROBATIONARY, null, card, null);
        assertThat(directory.search(wrongStatus, PageQuery.of(0, 20)).totalElements())
                .isZero();

        assertThat(finds).isNotEmpty();
        assertThat(finds)
                .as("each find on members filters by one unique key and nothing else")
                .allSatisfy(filter -> {
                    assertThat(filter.keySet()).hasSize(1);
                    assertThat(filter.keySet().iterator().next()).isIn("partyCardNumber", "citizenId");
                    assertThat(filter.values().iterator().next().isString()).isTrue();
                });
    }

    /** A cell of its own province, so that the shared store's other members stay out of the lists. */
    private static OrgUnit cell() {
        String code = "u" + System.nanoTime() % 1_000_000;
        OrgUnit province = OrgUnit.root(OrgUnitId.random(), code, "Tỉnh ủy thử", OrgUnitKind.PROVINCE, NOW)
                .state();
        return province.child(OrgUnitId.random(), "cb-01", "Chi bộ 1", OrgUnitKind.CELL, NOW)
                .state();
    }

    private static Member member(OrgUnit cell, String fullName, String card) {
        PersonalData person = new PersonalData(
                fullName,
                LocalDate.of(1980, 1, 2),
                Gender.FEMALE,
                String.format("033180%06d", ++citizens % 1_000_000),
                card,
                null,
                null,
                null);
        return Member.register(
                        MemberId.random(),
                        person,
                        cell,
                        null,
                        MemberStatus.FULL,
                        false,
                        LocalDate.of(2010, 5, 19),
                        12,
                        "seed",
                        NOW,
                        LocalDate.of(2026, 1, 5))
                .state();
    }
}
