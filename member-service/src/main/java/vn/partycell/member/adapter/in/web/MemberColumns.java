package vn.partycell.member.adapter.in.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import vn.partycell.member.application.MemberListing;
import vn.partycell.member.domain.Gender;
import vn.partycell.member.domain.Member;
import vn.partycell.member.domain.MemberStatus;
import vn.partycell.member.domain.PersonalData;

/**
 * The columns of a member list export, with Vietnamese headers and values, shared by the CSV and XLSX
 * writers. The personal columns (ngày sinh, CCCD, điện thoại, e-mail, địa chỉ) exist only when the
 * caller may see them for the whole list; a value is a {@link String}, a {@link LocalDate} or null.
 */
final class MemberColumns {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    record Column(String header, Function<MemberListing, Object> value) {}

    private MemberColumns() {}

    static List<Column> of(boolean personal) {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("Họ và tên", l -> person(l).fullName()),
                new Column("Giới tính", l -> gender(person(l).gender())),
                new Column("Số thẻ đảng viên", l -> person(l).partyCardNumber()),
                new Column("Trạng thái", l -> status(l.member().status())),
                new Column("Miễn sinh hoạt", l -> l.member().exempted() ? "Có" : "Không"),
                new Column("Ngày vào Đảng", l -> l.member().joinedOn()),
                new Column("Đường dẫn tổ chức", l -> l.member().orgPath().value()),
                new Column("Mã chi bộ", l -> l.member().cellId().value().toString())));
        if (personal) {
            columns.addAll(List.of(
                    new Column("Ngày sinh", l -> l.personal() ? person(l).dateOfBirth() : null),
                    new Column("Số CCCD", l -> l.personal() ? person(l).citizenId() : null),
                    new Column("Điện thoại", l -> l.personal() ? person(l).phone() : null),
                    new Column("Email", l -> l.personal() ? person(l).email() : null),
                    new Column("Địa chỉ", l -> l.personal() ? person(l).address() : null)));
        }
        columns.add(new Column("Mã đảng viên", l -> l.member().id().value().toString()));
        return List.copyOf(columns);
    }

    private static PersonalData person(MemberListing listing) {
        Member member = listing.member();
        return member.person();
    }

    static String gender(Gender gender) {
        return switch (gender) {
            case MALE -> "Nam";
            case FEMALE -> "Nữ";
        };
    }

    static String status(MemberStatus status) {
        return switch (status) {
            case PROBATIONARY -> "Dự bị";
            case FULL -> "Chính thức";
            case REMOVED -> "Xóa tên";
            case EXPELLED -> "Khai trừ";
            case DECEASED -> "Từ trần";
            case TRANSFERRED_OUT -> "Đã chuyển sinh hoạt";
        };
    }

    /** The text of a value as a CSV cell shows it; dates as dd/MM/yyyy. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof LocalDate date ? DATE.format(date) : value.toString();
    }
}
