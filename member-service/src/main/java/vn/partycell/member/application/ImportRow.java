package vn.partycell.member.application;

import java.time.LocalDate;
import java.util.Map;
import vn.partycell.member.domain.PersonalData;

/**
 * One data row of an import file as the file adapter read it: either the member it describes (with
 * the cell it names, which the import resolves in its subtree) or the problems of its cells, by
 * field name (the API's names, e.g. {@code citizenId}), in Vietnamese.
 *
 * @param number the row's number in the file as a spreadsheet shows it (the header is row 1)
 * @param recognisedOn the day the member became full (ngày chính thức), null for a probationary member
 * @param cellReference the cell column as written (id, code or name), null when the file has none
 */
public record ImportRow(
        long number,
        PersonalData person,
        LocalDate joinedOn,
        LocalDate recognisedOn,
        String cellReference,
        Map<String, String> problems) {

    public ImportRow {
        problems = problems == null ? Map.of() : Map.copyOf(problems);
        if (problems.isEmpty() && (person == null || joinedOn == null)) {
            throw new IllegalArgumentException("a row without problems names its member");
        }
    }

    public static ImportRow rejected(long number, Map<String, String> problems) {
        return new ImportRow(number, null, null, null, null, problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
