package vn.partycell.member.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.IndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * The indexes real MongoDB builds for member lists (mongo-java-server ignores non-unique ones, so
 * the integration tests cannot show a missing one): resolved from the document's declarations.
 */
class MemberDocumentIndexesTest {

    @Test
    void listsSortAndFilterByIndexesOnTheSortKeyTheCellTheStatusTheNameWordsAndTheCard() {
        MongoMappingContext context = new MongoMappingContext();
        context.setAutoIndexCreation(true);
        context.setSimpleTypeHolder(new MongoCustomConversions(List.of()).getSimpleTypeHolder());
        List<Document> keys = StreamSupport.stream(
                        IndexResolver.create(context)
                                .resolveIndexFor(MemberDocument.class)
                                .spliterator(),
                        false)
                .map(IndexDefinition::getIndexKeys)
                .toList();

        assertThat(keys)
                .contains(
                        new Document("sortKey", 1).append("_id", 1),
                        new Document("cellId", 1).append("sortKey", 1).append("_id", 1),
                        new Document("status", 1).append("sortKey", 1).append("_id", 1),
                        new Document("nameWords", 1),
                        new Document("person.partyCardNumber", 1),
                        new Document("nameKeys", 1),
                        new Document("orgPath", 1),
                        new Document("citizenId", 1));
    }

    @Test
    void theCardNumberIsAUniqueSparseKeyUnderANewNameSoAStoresOldIndexStays() {
        MongoMappingContext context = new MongoMappingContext();
        context.setAutoIndexCreation(true);
        context.setSimpleTypeHolder(new MongoCustomConversions(List.of()).getSimpleTypeHolder());
        Document options = StreamSupport.stream(
                        IndexResolver.create(context)
                                .resolveIndexFor(MemberDocument.class)
                                .spliterator(),
                        false)
                .filter(i -> i.getIndexKeys().equals(new Document("partyCardNumber", 1)))
                .findFirst()
                .orElseThrow()
                .getIndexOptions();
        assertThat(options.getString("name")).isEqualTo(MemberDocument.PARTY_CARD_UNIQUE);
        assertThat(options.getBoolean("unique")).isTrue();
        assertThat(options.getBoolean("sparse")).isTrue();
    }
}
