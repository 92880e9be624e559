package vn.partycell.localstack.seed;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import vn.partycell.localstack.seed.PersonGenerator.Person;

/**
 * The demo province, fully decided before anything is sent: Tỉnh ủy Hưng Yên, three superior
 * committees, two grassroots committees under each, 30 cells (cb-01..cb-30) with 2–3 party groups
 * each, and 20 members per cell. Everything random comes from one {@link Random} with a fixed seed,
 * so the same seed and reference date give the same plan.
 */
public final class DemoProvincePlan {

    /** The seed used by the local stack. */
    public static final long DEFAULT_SEED = 20_260_101L;

    public static final int MEMBERS_PER_CELL = 20;

    /** Org unit kinds as the member API spells them. */
    public enum Kind {
        PROVINCE,
        COMMITTEE,
        GRASSROOTS,
        CELL,
        PARTY_GROUP
    }

    /** Member status as the member API spells it. */
    public enum Status {
        PROBATIONARY,
        FULL
    }

    /** When the province, the committees and the grassroots committees were established. */
    public static final LocalDate HIGHER_UNITS_ESTABLISHED = LocalDate.of(2010, 1, 1);

    /**
     * One org unit to create, with the day it was established (sent as {@code establishedOn}:
     * meeting-service's compliance watch counts a cell as owing meetings only from then) and its
     * children.
     */
    public record Unit(String code, String name, Kind kind, LocalDate establishedOn, List<Unit> children) {}

    /** One member to create in cell {@code cellCode}, party group {@code partyGroupCode}. */
    public record MemberPlan(
            String cellCode,
            String partyGroupCode,
            Person person,
            Status status,
            LocalDate joinedOn,
            boolean exempted,
            String address) {}

    private final Unit province;
    private final Map<String, List<MemberPlan>> membersByCell;

    private DemoProvincePlan(Unit province, Map<String, List<MemberPlan>> membersByCell) {
        this.province = province;
        this.membersByCell = membersByCell;
    }

    public Unit province() {
        return province;
    }

    /** Members per cell code, cells in order cb-01..cb-30, members in slot order. */
    public Map<String, List<MemberPlan>> membersByCell() {
        return membersByCell;
    }

    public List<MemberPlan> members() {
        return membersByCell.values().stream().flatMap(List::stream).toList();
    }

    /** Every unit of the given kind, depth first. */
    public List<Unit> units(Kind kind) {
        List<Unit> found = new ArrayList<>();
        collect(province, kind, found);
        return found;
    }

    private static void collect(Unit unit, Kind kind, List<Unit> found) {
        if (unit.kind() == kind) {
            found.add(unit);
        }
        unit.children().forEach(child -> collect(child, kind, found));
    }

    /**
     * Builds the plan.
     *
     * @param today the reference date: probationary members joined in the 12 months before it
     */
    public static DemoProvincePlan generate(long seed, LocalDate today) {
        Random random = new Random(seed);
        PersonGenerator people = new PersonGenerator(random);

        List<Unit> committees = new ArrayList<>();
        Map<String, String> addressByCell = new LinkedHashMap<>();
        int cellNumber = 0;
        for (CommitteeSpec committee : COMMITTEES) {
            List<Unit> grassroots = new ArrayList<>();
            for (GrassrootsSpec spec : committee.grassroots()) {
                List<Unit> cells = new ArrayList<>();
                for (String cellName : spec.cells()) {
                    cellNumber++;
                    String code = String.format(Locale.ROOT, "cb-%02d", cellNumber);
                    int groups = 2 + random.nextInt(2);
                    LocalDate established = cellEstablished(cellNumber);
                    List<Unit> partyGroups = new ArrayList<>();
                    for (int g = 1; g <= groups; g++) {
                        partyGroups.add(
                                new Unit("to-" + g, "Tổ đảng số " + g, Kind.PARTY_GROUP, established, List.of()));
                    }
                    cells.add(new Unit(code, cellName, Kind.CELL, established, List.copyOf(partyGroups)));
                    addressByCell.put(code, address(cellName, spec.locality()));
                }
                grassroots.add(new Unit(
                        spec.code(), spec.name(), Kind.GRASSROOTS, HIGHER_UNITS_ESTABLISHED, List.copyOf(cells)));
            }
            committees.add(new Unit(
                    committee.code(),
                    committee.name(),
                    Kind.COMMITTEE,
                    HIGHER_UNITS_ESTABLISHED,
                    List.copyOf(grassroots)));
        }
        Unit province =
                new Unit("hy", "Tỉnh ủy Hưng Yên", Kind.PROVINCE, HIGHER_UNITS_ESTABLISHED, List.copyOf(committees));

        // People first, then who is probationary or exempted, then join dates.
        record Draft(Unit cell, int slot, String partyGroupCode, Person person) {}
        List<Draft> drafts = new ArrayList<>();
        for (Unit cell : collectCells(province)) {
            for (int slot = 0; slot < MEMBERS_PER_CELL; slot++) {
                // Slot 0 is the cell's secretary in the demo users: a full member in mid-career.
                Person person = slot == 0 ? people.next(1965, 1985, 0.3) : people.next(1955, 2000, 0.4);
                String group =
                        cell.children().get(slot % cell.children().size()).code();
                drafts.add(new Draft(cell, slot, group, person));
            }
        }

        int total = drafts.size();
        List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            if (drafts.get(i).slot() >= 2) { // slots 0 and 1 are demo users: full, active members
                eligible.add(i);
            }
        }
        Collections.shuffle(eligible, random);
        Set<Integer> probationary = new HashSet<>();
        for (int i : eligible) {
            if (probationary.size() < total / 10
                    && drafts.get(i).person().dateOfBirth().getYear() >= 1985) {
                probationary.add(i);
            }
        }
        Set<Integer> exempted = new HashSet<>();
        for (int i : eligible) {
            if (exempted.size() < total / 20
                    && !probationary.contains(i)
                    && drafts.get(i).person().dateOfBirth().getYear() <= 1962) {
                exempted.add(i);
            }
        }

        Map<String, List<MemberPlan>> membersByCell = new LinkedHashMap<>();
        for (int i = 0; i < total; i++) {
            Draft draft = drafts.get(i);
            boolean isProbationary = probationary.contains(i);
            LocalDate joinedOn = isProbationary
                    ? today.minusDays(30 + random.nextInt(330))
                    : fullMemberJoinDate(draft.person().dateOfBirth(), today, random);
            membersByCell
                    .computeIfAbsent(draft.cell().code(), code -> new ArrayList<>())
                    .add(new MemberPlan(
                            draft.cell().code(),
                            draft.partyGroupCode(),
                            draft.person(),
                            isProbationary ? Status.PROBATIONARY : Status.FULL,
                            joinedOn,
                            exempted.contains(i),
                            addressByCell.get(draft.cell().code())));
        }
        membersByCell.replaceAll((code, members) -> List.copyOf(members));
        return new DemoProvincePlan(province, Collections.unmodifiableMap(membersByCell));
    }

    /** Cells were established between 2010 and 2020 (the first of a month), their party groups with them. */
    static LocalDate cellEstablished(int cellNumber) {
        return LocalDate.of(2010 + (cellNumber * 3) % 11, 1 + (cellNumber * 5) % 12, 1);
    }

    /** Admitted at 20 or later, not before 1980, and at least 13 months ago (probation over). */
    private static LocalDate fullMemberJoinDate(LocalDate dateOfBirth, LocalDate today, Random random) {
        LocalDate earliest = dateOfBirth.plusYears(20);
        if (earliest.isBefore(LocalDate.of(1980, 1, 1))) {
            earliest = LocalDate.of(1980, 1, 1);
        }
        LocalDate latest = today.minusMonths(13);
        long span = ChronoUnit.DAYS.between(earliest, latest);
        return span <= 0 ? latest : earliest.plusDays(random.nextLong(span + 1));
    }

    private static String address(String cellName, String locality) {
        for (String place : List.of("thôn ", "khu phố ")) {
            int at = cellName.indexOf("Chi bộ " + place);
            if (at == 0) {
                return cellName.substring("Chi bộ ".length()) + ", " + locality + ", tỉnh Hưng Yên";
            }
        }
        return locality + ", tỉnh Hưng Yên";
    }

    private static List<Unit> collectCells(Unit province) {
        List<Unit> cells = new ArrayList<>();
        collect(province, Kind.CELL, cells);
        return cells;
    }

    private record GrassrootsSpec(String code, String name, String locality, List<String> cells) {}

    private record CommitteeSpec(String code, String name, List<GrassrootsSpec> grassroots) {}

    private static final List<CommitteeSpec> COMMITTEES = List.of(
            new CommitteeSpec(
                    "du-khoi-ccq",
                    "Đảng ủy Khối các cơ quan tỉnh",
                    List.of(
                            new GrassrootsSpec(
                                    "db-so-tu-phap",
                                    "Đảng bộ Sở Tư pháp",
                                    "phường Lê Lợi, thành phố Hưng Yên",
                                    List.of(
                                            "Chi bộ Văn phòng Sở Tư pháp",
                                            "Chi bộ Phòng Hành chính tư pháp",
                                            "Chi bộ Phòng Bổ trợ tư pháp",
                                            "Chi bộ Trung tâm Trợ giúp pháp lý",
                                            "Chi bộ Phòng Công chứng số 1")),
                            new GrassrootsSpec(
                                    "db-so-y-te",
                                    "Đảng bộ Sở Y tế",
                                    "phường An Tảo, thành phố Hưng Yên",
                                    List.of(
                                            "Chi bộ Văn phòng Sở Y tế",
                                            "Chi bộ Phòng Nghiệp vụ Y",
                                            "Chi bộ Thanh tra Sở Y tế",
                                            "Chi bộ Phòng Kế hoạch - Tài chính",
                                            "Chi bộ Chi cục Dân số")))),
            new CommitteeSpec(
                    "huyen-uy-vl",
                    "Huyện ủy Văn Lâm",
                    List.of(
                            new GrassrootsSpec(
                                    "db-xa-dinh-du",
                                    "Đảng bộ xã Đình Dù",
                                    "xã Đình Dù, huyện Văn Lâm",
                                    List.of(
                                            "Chi bộ thôn Đình Dù",
                                            "Chi bộ thôn Ngọc Đà",
                                            "Chi bộ thôn Đông Mai",
                                            "Chi bộ Trường Tiểu học Đình Dù",
                                            "Chi bộ Trạm Y tế xã Đình Dù")),
                            new GrassrootsSpec(
                                    "db-xa-lac-hong",
                                    "Đảng bộ xã Lạc Hồng",
                                    "xã Lạc Hồng, huyện Văn Lâm",
                                    List.of(
                                            "Chi bộ thôn Lạc Thủy",
                                            "Chi bộ thôn Thanh Lãng",
                                            "Chi bộ thôn Ngọc Lịch",
                                            "Chi bộ Trường THCS Lạc Hồng",
                                            "Chi bộ Công an xã Lạc Hồng")))),
            new CommitteeSpec(
                    "thanh-uy-hy",
                    "Thành ủy Hưng Yên",
                    List.of(
                            new GrassrootsSpec(
                                    "db-p-hien-nam",
                                    "Đảng bộ phường Hiến Nam",
                                    "phường Hiến Nam, thành phố Hưng Yên",
                                    List.of(
                                            "Chi bộ khu phố Mậu Dương",
                                            "Chi bộ khu phố Nam Tiến",
                                            "Chi bộ khu phố Hiến Nam",
                                            "Chi bộ Trường Tiểu học Hiến Nam",
                                            "Chi bộ Quân sự phường Hiến Nam")),
                            new GrassrootsSpec(
                                    "db-p-le-loi",
                                    "Đảng bộ phường Lê Lợi",
                                    "phường Lê Lợi, thành phố Hưng Yên",
                                    List.of(
                                            "Chi bộ khu phố 1",
                                            "Chi bộ khu phố 2",
                                            "Chi bộ khu phố 3",
                                            "Chi bộ Trường Mầm non Lê Lợi",
                                            "Chi bộ Công an phường Lê Lợi")))));
}
