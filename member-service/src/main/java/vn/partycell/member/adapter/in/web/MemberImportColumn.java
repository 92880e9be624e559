package vn.partycell.member.adapter.in.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.partycell.member.application.VietnameseCollation;

/**
 * The columns of a member import file, as a province's register exports them: each with its
 * Vietnamese header (what the rejection report shows) and the spellings accepted for it, compared
 * after ICU folding ({@link VietnameseCollation#fold}), so "Họ và tên", "HỌ VÀ TÊN" and "ho va ten"
 * are the same column. {@code field} is the API's field name (what the row's problems are keyed by).
 */
enum MemberImportColumn {
    FULL_NAME("fullName", "Họ và tên", true, "ho va ten", "ho ten", "ho va ten dang vien", "ten dang vien"),
    DATE_OF_BIRTH("dateOfBirth", "Ngày sinh", true, "ngay sinh", "ngay thang nam sinh"),
    GENDER("gender", "Giới tính", true, "gioi tinh"),
    CITIZEN_ID(
            "citizenId",
            "Số CCCD",
            true,
            "so cccd",
            "cccd",
            "so can cuoc cong dan",
            "can cuoc cong dan",
            "so can cuoc",
            "so dinh danh",
            "so dinh danh ca nhan"),
    PARTY_CARD("partyCardNumber", "Số thẻ đảng", false, "so the dang", "so the dang vien", "the dang"),
    PHONE("phone", "Điện thoại", false, "dien thoai", "so dien thoai", "sdt", "dtdd"),
    EMAIL("email", "Email", false, "email", "e mail", "thu dien tu"),
    ADDRESS("address", "Địa chỉ", false, "dia chi", "dia chi thuong tru", "dia chi lien he"),
    RESIDENCE("residencePlace", "Nơi cư trú", false, "noi cu tru", "noi o hien nay", "noi o"),
    RESIDENCE_PARTY_ORGANISATION(
            "residencePartyOrganisation",
            "Tổ chức đảng nơi cư trú",
            false,
            "to chuc dang noi cu tru",
            "chi bo noi cu tru"),
    JOINED_ON("joinedOn", "Ngày vào Đảng", true, "ngay vao dang", "ngay ket nap", "ngay ket nap dang"),
    RECOGNISED_ON(
            "recognisedOn",
            "Ngày chính thức",
            false,
            "ngay chinh thuc",
            "ngay cong nhan chinh thuc",
            "ngay dang vien chinh thuc"),
    CELL("cellId", "Chi bộ", false, "chi bo", "ma chi bo", "ten chi bo");

    final String field;
    final String header;
    final boolean required;
    private final List<String> spellings;

    MemberImportColumn(String field, String header, boolean required, String... spellings) {
        this.field = field;
        this.header = header;
        this.required = required;
        this.spellings = List.of(spellings);
    }

    private static final Map<String, MemberImportColumn> BY_SPELLING = Arrays.stream(values())
            .flatMap(c -> Stream.concat(c.spellings.stream(), Stream.of(VietnameseCollation.fold(c.header)))
                    .distinct()
                    .map(s -> Map.entry(s, c)))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    private static final Map<String, MemberImportColumn> BY_FIELD =
            Arrays.stream(values()).collect(Collectors.toMap(c -> c.field, Function.identity()));

    /** The column a header cell names, ignoring case, diacritics, punctuation and a trailing "(*)". */
    static Optional<MemberImportColumn> ofHeader(String header) {
        return header == null
                ? Optional.empty()
                : Optional.ofNullable(BY_SPELLING.get(VietnameseCollation.fold(header)));
    }

    /** The Vietnamese header of a problem's field, for the report; the whole row is "(cả dòng)". */
    static String headerOf(String field) {
        MemberImportColumn column = BY_FIELD.get(field);
        if (column != null) {
            return column.header;
        }
        return switch (field) {
            case "row" -> "(cả dòng)";
            case "status" -> "Ngày chính thức";
            default -> field;
        };
    }
}
