package vn.partycell.member.adapter.in.web;

import com.github.pjfanning.xlsx.StreamingReader;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import vn.partycell.member.adapter.in.web.MemberController.RegisterMemberRequest;
import vn.partycell.member.application.ImportRow;
import vn.partycell.member.application.ImportRows;
import vn.partycell.member.application.MemberImport.ImportFormat;
import vn.partycell.member.application.VietnameseCollation;
import vn.partycell.member.domain.Gender;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.PersonalData;
import vn.partycell.platform.kernel.InvalidInputException;
import vn.partycell.platform.kernel.RuleViolationException;

/**
 * The data rows of a member import file (CSV or XLSX, the first sheet), read as a stream: the first
 * row is the header, blank rows are passed over, dates are dd/MM/yyyy (or date cells in XLSX). Each
 * row is checked with the very bounds of {@code POST /api/v1/members} ({@link RegisterMemberRequest}'s
 * annotations, then {@link PersonalData}'s citizen-ID rules); the cell, the registration's own rules
 * and the store are the import's business.
 */
final class MemberImportRows implements ImportRows {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** Stands in for the cell while the request's bounds are checked; the import resolves the real one. */
    private static final UUID ANY_CELL = new UUID(0, 0);

    /** One row as read: its number as a spreadsheet shows it, and its cells (String or LocalDate). */
    record RawRow(long number, List<Object> cells) {}

    private final Iterator<RawRow> raw;
    private final AutoCloseable source;
    private final Map<MemberImportColumn, Integer> columns;
    private final Validator validator;

    private MemberImportRows(Iterator<RawRow> raw, AutoCloseable source, Validator validator) {
        this.raw = raw;
        this.source = source;
        this.validator = validator;
        try {
            this.columns = header(raw);
        } catch (RuntimeException e) {
            closeQuietly(source);
            throw e;
        }
    }

    /** Opens a stored file; a file that is not of its format or lacks a required column is a 400 on {@code file}. */
    static MemberImportRows open(Path file, ImportFormat format, Validator validator) {
        try {
            return switch (format) {
                case CSV -> csv(Files.newInputStream(file), validator);
                case XLSX -> xlsx(file.toFile(), validator);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MemberImportRows csv(InputStream in, Validator validator) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.mark(4096);
            String first = reader.readLine();
            reader.reset();
            // Excel in a Vietnamese locale saves ';'-separated CSV; a BOM is dropped by the format.
            char delimiter = first != null && count(first, ';') > count(first, ',') ? ';' : ',';
            CSVParser parser = CSVFormat.RFC4180
                    .builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(true)
                    .get()
                    .parse(reader);
            Iterator<CSVRecord> records = parser.iterator();
            Iterator<RawRow> rows = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    try {
                        return records.hasNext();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        throw unreadable("CSV", e);
                    }
                }

                @Override
                public RawRow next() {
                    try {
                        CSVRecord record = records.next();
                        List<Object> cells = new ArrayList<>(record.size());
                        record.forEach(cells::add);
                        if (cells.getFirst() instanceof String s && s.startsWith("\uFEFF")) {
                            cells.set(0, s.substring(1));
                        }
                        return new RawRow(record.getRecordNumber(), cells);
                    } catch (UncheckedIOException | IllegalStateException e) {
                        throw unreadable("CSV", e);
                    }
                }
            };
            return new MemberImportRows(rows, parser, validator);
        } catch (IOException e) {
            throw unreadable("CSV", e);
        }
    }

    static MemberImportRows xlsx(File file, Validator validator) {
        Workbook workbook;
        try {
            workbook =
                    StreamingReader.builder().rowCacheSize(200).bufferSize(8192).open(file);
        } catch (RuntimeException e) {
            throw unreadable("XLSX", e);
        }
        try {
            Sheet sheet = workbook.getSheetAt(0);
            Iterator<Row> sheetRows = sheet.rowIterator();
            Iterator<RawRow> rows = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    try {
                        return sheetRows.hasNext();
                    } catch (RuntimeException e) {
                        throw unreadable("XLSX", e);
                    }
                }

                @Override
                public RawRow next() {
                    try {
                        Row row = sheetRows.next();
                        List<Object> cells = new ArrayList<>();
                        for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
                            cells.add(value(row.getCell(i)));
                        }
                        return new RawRow(row.getRowNum() + 1L, cells);
                    } catch (RuntimeException e) {
                        throw unreadable("XLSX", e);
                    }
                }
            };
            return new MemberImportRows(rows, workbook, validator);
        } catch (RuntimeException e) {
            closeQuietly(workbook);
            throw e instanceof InvalidInputException ? e : unreadable("XLSX", e);
        }
    }

    /** A cell as text, a date cell as its day; numbers without a fraction as integers. */
    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    yield cell.getLocalDateTimeCellValue().toLocalDate();
                }
                double number = cell.getNumericCellValue();
                yield number == Math.rint(number) && Math.abs(number) < 1e15
                        ? Long.toString((long) number)
                        : Double.toString(number);
            }
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            default -> null;
        };
    }

    private static Map<MemberImportColumn, Integer> header(Iterator<RawRow> raw) {
        if (!raw.hasNext()) {
            throw new InvalidInputException("file", "tệp trống: dòng đầu phải là tiêu đề các cột", null);
        }
        RawRow header = raw.next();
        Map<MemberImportColumn, Integer> columns = new EnumMap<>(MemberImportColumn.class);
        for (int i = 0; i < header.cells().size(); i++) {
            Object cell = header.cells().get(i);
            int index = i;
            if (cell instanceof String text) {
                MemberImportColumn.ofHeader(text).ifPresent(c -> columns.putIfAbsent(c, index));
            }
        }
        List<String> missing = new ArrayList<>();
        for (MemberImportColumn column : MemberImportColumn.values()) {
            if (column.required && !columns.containsKey(column)) {
                missing.add(column.header);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(
                    "file", "thiếu cột bắt buộc trong dòng tiêu đề: " + String.join(", ", missing), null);
        }
        return columns;
    }

    /** Passes over {@code rows} data rows (a resumed run's offset) without checking them. */
    MemberImportRows skip(long rows) {
        for (long i = 0; i < rows && nextNonBlank() != null; i++) {
            // Nothing: the rows before the offset were decided by the run before.
        }
        return this;
    }

    private RawRow pending;

    private RawRow nextNonBlank() {
        if (pending != null) {
            RawRow row = pending;
            pending = null;
            return row;
        }
        while (raw.hasNext()) {
            RawRow row = raw.next();
            if (row.cells().stream().anyMatch(c -> c instanceof LocalDate || (c instanceof String s && !s.isBlank()))) {
                return row;
            }
        }
        return null;
    }

    @Override
    public boolean hasNext() {
        if (pending == null) {
            pending = nextNonBlank();
        }
        return pending != null;
    }

    @Override
    public ImportRow next() {
        RawRow row = nextNonBlank();
        if (row == null) {
            throw new NoSuchElementException();
        }
        return toImportRow(row);
    }

    ImportRow toImportRow(RawRow row) {
        Map<String, String> problems = new LinkedHashMap<>();
        String fullName = text(row, MemberImportColumn.FULL_NAME);
        Gender gender = gender(row, problems);
        LocalDate dateOfBirth = date(row, MemberImportColumn.DATE_OF_BIRTH, problems);
        LocalDate joinedOn = date(row, MemberImportColumn.JOINED_ON, problems);
        LocalDate recognisedOn = date(row, MemberImportColumn.RECOGNISED_ON, problems);
        String citizenId = digits(text(row, MemberImportColumn.CITIZEN_ID), 12);
        String phone = phone(text(row, MemberImportColumn.PHONE));
        RegisterMemberRequest request = new RegisterMemberRequest(
                fullName,
                gender,
                dateOfBirth,
                citizenId,
                text(row, MemberImportColumn.PARTY_CARD),
                phone,
                text(row, MemberImportColumn.EMAIL),
                text(row, MemberImportColumn.ADDRESS),
                ANY_CELL,
                null,
                MemberStatus.PROBATIONARY,
                joinedOn,
                false,
                text(row, MemberImportColumn.RESIDENCE),
                text(row, MemberImportColumn.RESIDENCE_PARTY_ORGANISATION),
                null);
        for (ConstraintViolation<RegisterMemberRequest> v : validator.validate(request)) {
            problems.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
        if (!problems.isEmpty()) {
            return ImportRow.rejected(row.number(), problems);
        }
        try {
            PersonalData person = new PersonalData(
                    request.fullName(),
                    request.dateOfBirth(),
                    request.gender(),
                    request.citizenId(),
                    request.partyCardNumber(),
                    request.phone(),
                    request.email(),
                    request.address(),
                    MemberController.residence(request.residencePlace(), request.residencePartyOrganisation(), null));
            return new ImportRow(
                    row.number(), person, joinedOn, recognisedOn, text(row, MemberImportColumn.CELL), Map.of());
        } catch (RuleViolationException e) {
            if (e.facts().get("fields") instanceof Map<?, ?> fields) {
                fields.forEach((k, v) -> problems.put(String.valueOf(k), String.valueOf(v)));
            } else {
                problems.put("row", e.getMessage());
            }
            return ImportRow.rejected(row.number(), problems);
        }
    }

    private Object cell(RawRow row, MemberImportColumn column) {
        Integer index = columns.get(column);
        return index == null || index >= row.cells().size() ? null : row.cells().get(index);
    }

    private String text(RawRow row, MemberImportColumn column) {
        Object value = cell(row, column);
        if (value instanceof LocalDate day) {
            return DAY.format(day);
        }
        String text = value == null ? null : value.toString().strip();
        return text == null || text.isEmpty() ? null : text;
    }

    private LocalDate date(RawRow row, MemberImportColumn column, Map<String, String> problems) {
        Object value = cell(row, column);
        if (value instanceof LocalDate day) {
            return day;
        }
        String text = text(row, column);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, DAY);
        } catch (DateTimeParseException e) {
            problems.put(column.field, "phải là ngày dạng dd/MM/yyyy, không phải \"" + abbreviate(text) + "\"");
            return null;
        }
    }

    private Gender gender(RawRow row, Map<String, String> problems) {
        String text = text(row, MemberImportColumn.GENDER);
        if (text == null) {
            return null;
        }
        return switch (VietnameseCollation.fold(text)) {
            case "nam", "male", "m" -> Gender.MALE;
            case "nu", "female", "f" -> Gender.FEMALE;
            default -> {
                problems.put("gender", "phải là Nam hoặc Nữ, không phải \"" + abbreviate(text) + "\"");
                yield null;
            }
        };
    }

    /** A spreadsheet that stored a citizen ID as a number dropped its leading zeros (every province code has one). */
    private static String digits(String text, int length) {
        if (text != null && text.matches("\\d{1," + (length - 1) + "}") && text.length() >= length - 3) {
            return "0".repeat(length - text.length()) + text;
        }
        return text;
    }

    /** Phone numbers are written with spaces, dots or dashes between groups; a number cell lost its leading 0. */
    private static String phone(String text) {
        if (text == null) {
            return null;
        }
        String compact = text.replaceAll("[\\s.\\-()]", "");
        return compact.matches("[1-9]\\d{8}") ? "0" + compact : compact;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(x -> x == c).count();
    }

    private static InvalidInputException unreadable(String format, Exception cause) {
        return new InvalidInputException("file", "không đọc được tệp như một tệp " + format, null);
    }

    private static void closeQuietly(AutoCloseable source) {
        try {
            source.close();
        } catch (Exception ignored) {
            // Nothing to release beyond the file handle.
        }
    }

    @Override
    public void close() {
        closeQuietly(source);
    }
}
