package vn.partycell.member.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import vn.partycell.member.application.MemberSearch;
import vn.partycell.member.application.VietnameseCollation;
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
import vn.partycell.platform.test.TestTokens;

/**
 * The Mongo member directory on the wire protocol: keyset batches that neither skip nor repeat
 * members of the same name, the start-up backfill of documents stored before the search fields, and
 * an export of thousands of members through HTTP read back with POI.
 */
@ServiceIntegrationTest
class MongoMemberDirectoryIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-01-04T18:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MongoMemberDirectory directory;

    @Autowired
    MemberNameKeysBackfill backfill;

    private static long citizens = System.nanoTime() % 10_000_000;

    /** A cell of its own province, so that the shared store's other members stay out of the lists. */
    private static OrgUnit cell() {
        String code = "m" + System.nanoTime() % 1_000_000;
        OrgUnit province = OrgUnit.root(OrgUnitId.random(), code, "Tỉnh ủy thử", OrgUnitKind.PROVINCE, NOW)
                .state();
        return province.child(OrgUnitId.random(), "cb-01", "Chi bộ 1", OrgUnitKind.CELL, NOW)
                .state();
    }

    private static Member member(OrgUnit cell, String fullName) {
        PersonalData person = new PersonalData(
                fullName,
                LocalDate.of(1980, 1, 2),
                Gender.FEMALE,
                String.format("033180%06d", ++citizens % 1_000_000),
                null,
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

    private static MemberSearch within(OrgUnit cell) {
        return new MemberSearch(List.of(cell.orgPath()), List.of(), null, null, null, null);
    }

    @Test
    void batchesAfterAMemberNeitherSkipNorRepeatMembersOfTheSameName() {
        OrgUnit cell = cell();
        List<Member> stored = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            stored.add(member(cell, i % 2 == 0 ? "Nguyễn Văn An" : "Trần Thị Bình"));
        }
        mongo.insert(stored.stream().map(MemberDocument::from).toList(), MemberDocument.class);

        List<Member> walked = new ArrayList<>();
        Member last = null;
        List<Member> batch;
        do {
            batch = directory.after(within(cell), last, 2);
            assertThat(batch).hasSizeLessThanOrEqualTo(2);
            walked.addAll(batch);
            last = batch.isEmpty() ? last : batch.getLast();
        } while (batch.size() == 2);

        assertThat(walked).hasSize(7).doesNotHaveDuplicates();
        assertThat(walked.subList(0, 4)).allMatch(m -> m.person().fullName().equals("Nguyễn Văn An"));
        assertThat(walked.subList(0, 4))
                .extracting(m -> m.id().value().toString())
                .isSorted();
        assertThat(directory.search(within(cell), PageQuery.of(1, 3)).content())
                .containsExactlyElementsOf(walked.subList(3, 6));
    }

    @Test
    void membersStoredBeforeTheSearchFieldsGetThemAtStartAndAreFoundByName() {
        OrgUnit cell = cell();
        Member old = member(cell, "Đặng Thị Ước");
        mongo.insert(MemberDocument.from(old));
        // As an older release stored it: no sort key, no name words, no version mark.
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(old.id().toString())),
                new org.springframework.data.mongodb.core.query.Update()
                        .unset("sortKey")
                        .unset("nameWords")
                        .unset("nameKeys"),
                MemberDocument.class);
        MemberSearch byName = new MemberSearch(List.of(cell.orgPath()), List.of("uoc"), null, null, null, null);
        assertThat(directory.search(byName, PageQuery.of(0, 5)).content()).isEmpty();

        assertThat(backfill.backfill()).isGreaterThanOrEqualTo(1);

        assertThat(directory.search(byName, PageQuery.of(0, 5)).content()).containsExactly(old);
        Document stored = mongo.findById(old.id().toString(), Document.class, MongoMemberRepository.COLLECTION);
        assertThat(stored.getString("sortKey")).isEqualTo(VietnameseCollation.sortKey("Đặng Thị Ước"));
        assertThat(stored.getString("nameKeys")).isEqualTo(VietnameseCollation.VERSION);
        assertThat(backfill.backfill()).isZero();
    }

    @Test
    void anExportOfThreeThousandMembersStreamsAsAnXlsxThatOpensWithPoiInVietnameseOrder() throws Exception {
        OrgUnit cell = cell();
        String[] given = {"Yến", "Đức", "Ánh", "An", "Dũng", "Bình", "Ân", "Hà", "Minh", "Thu"};
        String[] family = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ"};
        List<MemberDocument> documents = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            documents.add(MemberDocument.from(member(cell, family[i % 6] + " Thị " + given[(i / 6) % 10])));
        }
        mongo.insert(documents, MemberDocument.class);
        String superior =
                TestTokens.user("tu").grant(cell.orgPath().value(), "superior").token();

        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/v1/members/export?format=xlsx&orgPath=" + cell.orgPath()))
                .header("Authorization", "Bearer " + superior)
                .build();
        HttpResponse<byte[]> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    rows.add(row.getCell(0).getStringCellValue());
                }
            }
        }
        assertThat(rows).hasSize(3_000);
        List<String> givenInOrder = rows.stream()
                .map(n -> n.substring(n.lastIndexOf(' ') + 1))
                .distinct()
                .toList();
        assertThat(givenInOrder).containsExactly("An", "Ánh", "Ân", "Bình", "Dũng", "Đức", "Hà", "Minh", "Thu", "Yến");
        assertThat(rows.subList(0, 300))
                .allMatch(n -> n.endsWith(" An"))
                .extracting(n -> n.substring(0, n.indexOf(' ')))
                .isSortedAccordingTo(java.util.Comparator.comparing(VietnameseCollation::sortKey));
    }
}
