package vn.partycell.localstack.seed;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Made-up but realistic Vietnamese people: names with diacritics (family, middle and given names
 * consistent with gender), date of birth, 12-digit citizen ID (CCCD), party card number, phone and
 * e-mail. Deterministic for a given {@link Random}; IDs, phones and e-mails are unique per
 * generator.
 */
public final class PersonGenerator {

    /** Gender as the member API spells it. */
    public enum Gender {
        MALE,
        FEMALE
    }

    /** One generated person. */
    public record Person(
            String fullName,
            Gender gender,
            LocalDate dateOfBirth,
            String citizenId,
            String partyCardNumber,
            String phone,
            String email) {}

    /** Province code of Hưng Yên in the citizen ID (the first three digits). */
    public static final String HUNG_YEN_CITIZEN_ID_CODE = "033";

    /** Family names with rough weights (per thousand) from their share in the population. */
    private static final List<Weighted> FAMILY_NAMES = List.of(
            new Weighted("Nguyễn", 380),
            new Weighted("Trần", 110),
            new Weighted("Lê", 95),
            new Weighted("Phạm", 70),
            new Weighted("Hoàng", 50),
            new Weighted("Vũ", 40),
            new Weighted("Đặng", 25),
            new Weighted("Bùi", 25),
            new Weighted("Đỗ", 20),
            new Weighted("Ngô", 15),
            new Weighted("Hồ", 13),
            new Weighted("Dương", 12),
            new Weighted("Đào", 12),
            new Weighted("Đinh", 10),
            new Weighted("Lương", 8),
            new Weighted("Trịnh", 8),
            new Weighted("Phan", 8),
            new Weighted("Tạ", 5),
            new Weighted("Lưu", 5),
            new Weighted("Chu", 5));

    static final List<Weighted> MALE_MIDDLE_NAMES = List.of(
            new Weighted("Văn", 40),
            new Weighted("Đức", 10),
            new Weighted("Minh", 8),
            new Weighted("Quang", 7),
            new Weighted("Hữu", 6),
            new Weighted("Xuân", 5),
            new Weighted("Công", 5),
            new Weighted("Đình", 5),
            new Weighted("Mạnh", 4),
            new Weighted("Tiến", 4),
            new Weighted("Thanh", 3),
            new Weighted("Trọng", 3));

    static final List<Weighted> FEMALE_MIDDLE_NAMES = List.of(
            new Weighted("Thị", 45),
            new Weighted("Thị Thu", 8),
            new Weighted("Thị Thanh", 6),
            new Weighted("Thị Hồng", 5),
            new Weighted("Thị Minh", 4),
            new Weighted("Thu", 6),
            new Weighted("Ngọc", 6),
            new Weighted("Thanh", 5),
            new Weighted("Phương", 4),
            new Weighted("Hồng", 4),
            new Weighted("Kim", 4),
            new Weighted("Thùy", 3));

    static final List<String> MALE_GIVEN_NAMES = List.of(
            "An", "Bình", "Cường", "Dũng", "Đạt", "Đông", "Hải", "Hậu", "Hiếu", "Hòa", "Hùng", "Huy", "Khánh", "Khoa",
            "Kiên", "Lâm", "Long", "Lực", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quyết", "Sơn", "Tài", "Thắng",
            "Thành", "Thịnh", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vượng");

    static final List<String> FEMALE_GIVEN_NAMES = List.of(
            "Anh", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hương", "Huyền", "Lan",
            "Liên", "Linh", "Loan", "Ly", "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Quỳnh", "Tâm", "Thảo", "Thơ", "Thủy",
            "Trang", "Tuyết", "Vân", "Xuân", "Yến");

    private final Random random;
    private final Set<String> citizenIds = new HashSet<>();
    private final Set<String> partyCards = new HashSet<>();
    private final Set<String> phones = new HashSet<>();
    private final Set<String> emails = new HashSet<>();

    public PersonGenerator(Random random) {
        this.random = random;
    }

    /** A person born between the two years (inclusive); women with probability {@code femaleShare}. */
    public Person next(int bornFrom, int bornTo, double femaleShare) {
        Gender gender = random.nextDouble() < femaleShare ? Gender.FEMALE : Gender.MALE;
        String fullName = fullName(gender);
        LocalDate dateOfBirth = LocalDate.of(bornFrom + random.nextInt(bornTo - bornFrom + 1), 1, 1)
                .plusDays(random.nextInt(365));
        return new Person(
                fullName,
                gender,
                dateOfBirth,
                citizenId(gender, dateOfBirth),
                partyCardNumber(),
                phone(),
                email(fullName));
    }

    private String fullName(Gender gender) {
        String family = pick(FAMILY_NAMES);
        String middle = pick(gender == Gender.MALE ? MALE_MIDDLE_NAMES : FEMALE_MIDDLE_NAMES);
        List<String> givenNames = gender == Gender.MALE ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES;
        String given;
        do {
            given = givenNames.get(random.nextInt(givenNames.size()));
        } while (middle.endsWith(given)); // no "Nguyễn Thị Hồng Hồng"
        return family + " " + middle + " " + given;
    }

    /**
     * 12 digits: province code (033), a digit for gender and century (1900s: male 0, female 1;
     * 2000s: male 2, female 3), the last two digits of the birth year, six random digits.
     */
    private String citizenId(Gender gender, LocalDate dateOfBirth) {
        int centuryDigit = (dateOfBirth.getYear() >= 2000 ? 2 : 0) + (gender == Gender.FEMALE ? 1 : 0);
        return unique(
                citizenIds,
                () -> HUNG_YEN_CITIZEN_ID_CODE
                        + centuryDigit
                        + String.format(Locale.ROOT, "%02d", dateOfBirth.getYear() % 100)
                        + String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000)));
    }

    /** Eight digits starting with the province's code in the party's numbering. */
    private String partyCardNumber() {
        return unique(partyCards, () -> "33" + String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000)));
    }

    private String phone() {
        String[] prefixes = {"090", "091", "093", "094", "096", "097", "098"};
        return unique(
                phones,
                () -> prefixes[random.nextInt(prefixes.length)]
                        + String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000)));
    }

    private String email(String fullName) {
        String base = slug(fullName, ".");
        if (emails.add(base + "@example.vn")) {
            return base + "@example.vn";
        }
        for (int n = 2; ; n++) {
            String candidate = base + n + "@example.vn";
            if (emails.add(candidate)) {
                return candidate;
            }
        }
    }

    /** Lower-case ASCII, diacritics removed (đ → d), words joined by {@code separator}. */
    public static String slug(String text, String separator) {
        String ascii = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ")
                .trim()
                .replace(" ", separator);
    }

    private String pick(List<Weighted> options) {
        int total = options.stream().mapToInt(Weighted::weight).sum();
        int roll = random.nextInt(total);
        for (Weighted option : options) {
            roll -= option.weight();
            if (roll < 0) {
                return option.value();
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static String unique(Set<String> seen, java.util.function.Supplier<String> candidate) {
        while (true) {
            String value = candidate.get();
            if (seen.add(value)) {
                return value;
            }
        }
    }

    record Weighted(String value, int weight) {}
}
