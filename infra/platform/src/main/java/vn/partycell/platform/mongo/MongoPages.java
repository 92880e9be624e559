package vn.partycell.platform.mongo;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import vn.partycell.platform.kernel.PageQuery;
import vn.partycell.platform.kernel.ResultPage;

/**
 * Runs a {@link PageQuery} as a MongoDB query: skip/limit with a long offset (page × size may pass an
 * int), sort fields mapped from API names to document fields, and the total count.
 */
public final class MongoPages {

    private MongoPages() {}

    /** The query with the page's sort, skip and limit applied; {@code fields} maps API names to paths. */
    public static Query paged(Query query, PageQuery page, Map<String, String> fields, Sort fallback) {
        Sort sort = Sort.unsorted();
        for (PageQuery.Order order : page.sort()) {
            String field = fields.getOrDefault(order.field(), order.field());
            sort = sort.and(Sort.by(order.descending() ? Sort.Direction.DESC : Sort.Direction.ASC, field));
        }
        return query.with(sort.and(fallback)).skip(page.offset()).limit(page.size());
    }

    /** Counts, then reads one page of {@code documentType} and maps each document to the domain. */
    public static <D, T> ResultPage<T> find(
            MongoTemplate mongo,
            Query query,
            PageQuery page,
            Map<String, String> fields,
            Sort fallback,
            Class<D> documentType,
            Function<D, T> toDomain) {
        long total = mongo.count(Query.of(query).limit(0).skip(0), documentType);
        if (page.offset() >= total) {
            return new ResultPage<>(List.of(), page, total);
        }
        List<T> content = mongo.find(paged(Query.of(query), page, fields, fallback), documentType).stream()
                .map(toDomain)
                .toList();
        return new ResultPage<>(content, page, total);
    }
}
