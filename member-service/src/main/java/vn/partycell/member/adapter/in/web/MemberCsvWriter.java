package vn.partycell.member.adapter.in.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import vn.partycell.member.application.MemberExport;

/**
 * A member list as CSV (RFC 4180: CRLF, fields with a comma, quote or line break quoted, quotes
 * doubled), UTF-8 with a byte order mark so that Excel shows the diacritics. A cell that begins
 * with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so that a spreadsheet
 * never runs it as a formula (CSV injection). Rows are written as the export reads them.
 */
final class MemberCsvWriter {

    static final String CONTENT_TYPE = "text/csv; charset=UTF-8";

    private MemberCsvWriter() {}

    static long write(MemberExport export, OutputStream out) throws IOException {
        List<MemberColumns.Column> columns = MemberColumns.of(export.personalColumns());
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        writeRow(writer, columns.stream().map(MemberColumns.Column::header).toList());
        long rows;
        try {
            rows = export.forEach(listing -> {
                try {
                    writeRow(
                            writer,
                            columns.stream()
                                    .map(c -> MemberColumns.text(c.value().apply(listing)))
                                    .toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
        return rows;
    }

    private static void writeRow(Writer writer, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(cell(cells.get(i)));
        }
        writer.write("\r\n");
    }

    static String cell(String value) {
        String safe = defused(value);
        if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
            return safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    /** OWASP's advice against CSV injection: a leading apostrophe before a formula's first character. */
    static String defused(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }
}
