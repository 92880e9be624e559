package vn.partycell.localstack.seed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import vn.partycell.localstack.seed.DemoProvincePlan.MemberPlan;
import vn.partycell.localstack.seed.DemoProvincePlan.Unit;

/**
 * A year of meeting history for eight cells of the demo province, fully decided before anything is
 * sent (like {@link DemoProvincePlan}): for each of the 12 calendar months before the current one a
 * regular meeting on the 5th at 08:00, and in the middle month of every quarter a thematic one on
 * the 20th at 14:00 (Vietnam time), with attendance, speakers, remarks, a resolution, a task for every
 * present member (done on time, late, beyond what was asked, or never: overdue), and the
 * superior's grade. Members are named by their slot in the cell's plan; the
 * roster meeting-service holds decides who is actually there.
 *
 * <p>Gaps, so that the compliance list shows kept and missed periods under both demo superiors: cb-03
 * misses the last month, the regular meeting five months back and the thematic meeting of the last
 * quarter; cb-04 and cb-12 miss the last month; cb-22 misses the thematic meeting of the quarter
 * before the last. A month whose meeting (13 months back) or task due dates (one year back) the API
 * would refuse is left out.
 */
final class DemoMeetingHistoryPlan {

    static final List<String> CELLS = List.of("cb-01", "cb-02", "cb-03", "cb-04", "cb-11", "cb-12", "cb-21", "cb-22");
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final int SPEAKERS_TARGET = 8;
    static final int MONTHS = 12;
    /** Tasks are due two, three or four weeks after the meeting. */
    static final int[] DUE_AFTER_DAYS = {14, 21, 28};

    /** cb-01's member reprimanded by the story for missing meetings: absent without reason 3–5 months back. */
    static final int REPRIMANDED = DemoProvinceStory.REPRIMANDED;

    enum MeetingKind {
        REGULAR,
        THEMATIC
    }

    record Absence(String status, String reason) {}

    record Remark(String kind, int slot, String reason) {}

    record Task(String title, LocalDate dueOn) {}

    record Grade(String grade, String comment, boolean attended) {}

    /** A task done, as the next meeting's paper minutes record it: when, and whether beyond what was asked. */
    record Done(LocalDate doneOn, boolean beyondAsked) {}

    /** One meeting; {@code absences} and {@code speakers} etc. by slot in the cell's plan. */
    record Meeting(
            String cellCode,
            MeetingKind kind,
            String title,
            String topic,
            LocalDate day,
            Instant startsAt,
            String place,
            List<String> agenda,
            String draftResolution,
            Map<Integer, Absence> absences,
            Set<Integer> speakers,
            List<Remark> remarks,
            String resolutionTitle,
            String resolutionText,
            Set<Integer> abstaining,
            Set<Integer> overdue,
            Map<Integer, Done> done,
            Grade grade) {

        /** The task of the member in {@code slot} (-1: a member the plan does not know, e.g. moved in). */
        Task task(int slot) {
            return taskOf(day, slot);
        }
    }

    static Task taskOf(LocalDate day, int slot) {
        int n = slot + day.getMonthValue() + day.getDayOfMonth();
        return new Task(
                TASKS.get(Math.floorMod(n, TASKS.size())),
                day.plusDays(DUE_AFTER_DAYS[Math.floorMod(n, DUE_AFTER_DAYS.length)]));
    }

    record CellHistory(Unit cell, List<Meeting> meetings, List<YearMonth> missedMonths, List<String> missedQuarters) {}

    private final List<CellHistory> cells;

    private DemoMeetingHistoryPlan(List<CellHistory> cells) {
        this.cells = cells;
    }

    List<CellHistory> cells() {
        return cells;
    }

    List<Meeting> meetings() {
        return cells.stream().flatMap(c -> c.meetings().stream()).toList();
    }

    /** Regular months missed (months back from the current one) and thematic quarters missed (quarters back). */
    private record Gaps(Set<Integer> monthsBack, Set<Integer> quartersBack) {}

    private static final Map<String, Gaps> GAPS = Map.of(
            "cb-03", new Gaps(Set.of(1, 5), Set.of(1)),
            "cb-04", new Gaps(Set.of(1), Set.of()),
            "cb-12", new Gaps(Set.of(1), Set.of()),
            "cb-22", new Gaps(Set.of(), Set.of(2)));

    static DemoMeetingHistoryPlan generate(DemoProvincePlan province, LocalDate today) {
        Map<String, Unit> byCode = new LinkedHashMap<>();
        province.units(DemoProvincePlan.Kind.CELL).forEach(cell -> byCode.put(cell.code(), cell));
        YearMonth current = YearMonth.from(today);
        YearMonth currentQuarter = current.minusMonths((current.getMonthValue() - 1) % 3);
        List<CellHistory> cells = new ArrayList<>();
        for (int i = 0; i < CELLS.size(); i++) {
            Unit cell = byCode.get(CELLS.get(i));
            List<MemberPlan> members = province.membersByCell().get(cell.code());
            Gaps gaps = GAPS.getOrDefault(cell.code(), new Gaps(Set.of(), Set.of()));
            List<Meeting> meetings = new ArrayList<>();
            List<YearMonth> missedMonths = new ArrayList<>();
            List<String> missedQuarters = new ArrayList<>();
            for (int back = MONTHS; back >= 1; back--) {
                YearMonth month = current.minusMonths(back);
                if (gaps.monthsBack().contains(back)) {
                    missedMonths.add(month);
                } else {
                    add(
                            meetings,
                            cell,
                            members,
                            i,
                            MeetingKind.REGULAR,
                            month.atDay(5).atTime(8, 0),
                            back,
                            today);
                }
                if (month.getMonthValue() % 3 == 2) {
                    YearMonth quarter = month.minusMonths(1);
                    int quartersBack = (int) (quarter.until(currentQuarter, java.time.temporal.ChronoUnit.MONTHS) / 3);
                    if (gaps.quartersBack().contains(quartersBack)) {
                        missedQuarters.add(quarterKey(quarter));
                    } else {
                        add(
                                meetings,
                                cell,
                                members,
                                i,
                                MeetingKind.THEMATIC,
                                month.atDay(20).atTime(14, 0),
                                back,
                                today);
                    }
                }
            }
            cells.add(new CellHistory(
                    cell, List.copyOf(meetings), List.copyOf(missedMonths), List.copyOf(missedQuarters)));
        }
        return new DemoMeetingHistoryPlan(List.copyOf(cells));
    }

    static String quarterKey(YearMonth firstMonth) {
        return firstMonth.getYear() + "-Q" + ((firstMonth.getMonthValue() - 1) / 3 + 1);
    }

    /** Inside the API's windows: startsAt not before 13 months ago, every due date not before a year ago (a day's margin). */
    static boolean withinWindows(LocalDate day, LocalDate today) {
        return day.isAfter(today.minusMonths(13).plusDays(1))
                && !day.plusDays(DUE_AFTER_DAYS[0]).isBefore(today.minusYears(1).plusDays(1));
    }

    private static void add(
            List<Meeting> meetings,
            Unit cell,
            List<MemberPlan> members,
            int cellIndex,
            MeetingKind kind,
            java.time.LocalDateTime at,
            int monthsBack,
            LocalDate today) {
        LocalDate day = at.toLocalDate();
        if (!withinWindows(day, today)) {
            return;
        }
        int k = meetings.size();
        Random random =
                new Random(DemoProvincePlan.DEFAULT_SEED ^ (cell.code().hashCode() * 1_000_003L + day.toEpochDay()));
        int m = day.getMonthValue();
        int y = day.getYear();
        int q = (m - 1) / 3 + 1;
        String topic = kind == MeetingKind.THEMATIC ? TOPICS.get(Math.floorMod(y * 4 + q, TOPICS.size())) : null;
        String title = kind == MeetingKind.REGULAR
                ? "Sinh hoạt chi bộ thường kỳ tháng " + m + "/" + y
                : "Sinh hoạt chuyên đề quý " + q + "/" + y;
        List<String> agenda = kind == MeetingKind.REGULAR
                ? List.of(
                        "Đánh giá kết quả thực hiện nhiệm vụ tháng " + m + "/" + y,
                        "Phương hướng, nhiệm vụ tháng " + day.plusMonths(1).getMonthValue(),
                        "Đảng viên thảo luận, đóng góp ý kiến",
                        "Kết luận và giao nhiệm vụ cho đảng viên")
                : List.of(
                        "Báo cáo chuyên đề: " + topic,
                        "Đảng viên thảo luận, liên hệ với thực tiễn của chi bộ",
                        "Kết luận và giao nhiệm vụ cho đảng viên");
        String resolutionTitle = kind == MeetingKind.REGULAR
                ? "Nghị quyết chi bộ tháng " + m + "/" + y
                : "Nghị quyết sinh hoạt chuyên đề quý " + q + "/" + y;
        String resolutionText = kind == MeetingKind.REGULAR
                ? "Chi bộ thống nhất phương hướng, nhiệm vụ tháng "
                        + day.plusMonths(1).getMonthValue()
                        + "; mỗi đảng viên nhận và hoàn thành nhiệm vụ được giao đúng hạn."
                : "Chi bộ thống nhất các giải pháp thực hiện chuyên đề \"" + topic
                        + "\"; mỗi đảng viên đăng ký việc làm cụ thể.";

        // Who is there: exempted members have no line; one or two absent; in cb-01 the member
        // reprimanded later misses three months without a reason.
        List<Integer> active = new ArrayList<>();
        for (int slot = 0; slot < members.size(); slot++) {
            if (!members.get(slot).exempted()) {
                active.add(slot);
            }
        }
        List<Integer> candidates =
                new ArrayList<>(active.stream().filter(s -> s >= 3).toList());
        Collections.shuffle(candidates, random);
        Map<Integer, Absence> absences = new LinkedHashMap<>();
        absences.put(candidates.get(0), new Absence("EXCUSED", EXCUSES.get(random.nextInt(EXCUSES.size()))));
        if (random.nextInt(3) == 0) {
            absences.put(candidates.get(1), new Absence("ABSENT", null));
        }
        if (cell.code().equals("cb-01")
                && kind == MeetingKind.REGULAR
                && monthsBack >= 3
                && monthsBack <= 5
                && active.contains(REPRIMANDED)) {
            absences.put(REPRIMANDED, new Absence("ABSENT", null));
        }
        List<Integer> present = new ArrayList<>(
                active.stream().filter(s -> !absences.containsKey(s)).toList());

        // Speakers: the target (8) or more at most meetings, fewer at about one in five.
        boolean few = (k + cellIndex) % 5 == 2;
        int count = Math.min(present.size(), few ? 4 + random.nextInt(4) : SPEAKERS_TARGET + random.nextInt(4));
        List<Integer> shuffled = new ArrayList<>(present);
        Collections.shuffle(shuffled, random);
        Set<Integer> speakers = new LinkedHashSet<>(shuffled.subList(0, count));

        List<Remark> remarks = new ArrayList<>();
        if ((k + cellIndex) % 3 == 0) {
            int praised = shuffled.get(random.nextInt(count));
            remarks.add(new Remark("COMMENDATION", praised, COMMENDATIONS.get(random.nextInt(COMMENDATIONS.size()))));
        }
        if ((k + 2 * cellIndex) % 4 == 1) {
            int criticised = absences.entrySet().stream()
                    .filter(e -> e.getValue().status().equals("ABSENT"))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(shuffled.getLast());
            remarks.add(new Remark("CRITICISM", criticised, CRITICISMS.get(random.nextInt(CRITICISMS.size()))));
        }

        Set<Integer> abstaining = new LinkedHashSet<>();
        if (random.nextInt(4) == 0) {
            present.stream()
                    .filter(s -> members.get(s).status() == DemoProvincePlan.Status.FULL && s >= 3)
                    .skip(random.nextInt(5))
                    .findFirst()
                    .ifPresent(abstaining::add);
        }

        // Tasks never done: the secretary confirms them as overdue once they are past due.
        Set<Integer> overdue = new LinkedHashSet<>();
        int overdueCount = (k + cellIndex) % 3 == 1 ? 2 : (k + cellIndex) % 3 == 2 ? 1 : 0;
        for (int slot : shuffled.reversed()) {
            if (overdue.size() < overdueCount && slot >= 2) {
                overdue.add(slot);
            }
        }
        overdue.removeIf(slot -> !taskOf(day, slot).dueOn().isBefore(today));

        // The other tasks past due were done: mostly on time (some beyond what was asked), about one
        // in seven late; a task not yet due is still running and has no outcome.
        Map<Integer, Done> done = new LinkedHashMap<>();
        for (int slot : present) {
            Task task = taskOf(day, slot);
            if (overdue.contains(slot) || !task.dueOn().isBefore(today)) {
                continue;
            }
            int n = Math.floorMod(slot * 31 + (int) day.toEpochDay(), 63);
            LocalDate doneOn = n % 7 == 0
                    ? min(task.dueOn().plusDays(1 + n % 6), today.minusDays(1))
                    : max(task.dueOn().minusDays(n % 10), day.plusDays(1));
            done.put(slot, new Done(doneOn, n % 7 != 0 && n % 9 == 1));
        }

        Grade grade = null;
        if ((k + cellIndex) % 6 != 5) {
            boolean unexcused =
                    absences.values().stream().anyMatch(a -> a.status().equals("ABSENT"));
            String code = count <= 4 && unexcused
                    ? "POOR"
                    : count < SPEAKERS_TARGET
                            ? "AVERAGE"
                            : unexcused
                                            || remarks.stream()
                                                    .anyMatch(r -> r.kind().equals("CRITICISM"))
                                    ? "FAIR"
                                    : "GOOD";
            grade = new Grade(code, GRADE_COMMENTS.get(code), k % 2 == 0);
        }

        meetings.add(new Meeting(
                cell.code(),
                kind,
                title,
                topic,
                day,
                at.atZone(VIETNAM).toInstant(),
                place(cell),
                agenda,
                "Dự thảo: " + resolutionText,
                Collections.unmodifiableMap(absences),
                Collections.unmodifiableSet(speakers),
                List.copyOf(remarks),
                resolutionTitle,
                resolutionText,
                Collections.unmodifiableSet(abstaining),
                Collections.unmodifiableSet(overdue),
                Collections.unmodifiableMap(done),
                grade));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String place(Unit cell) {
        String name = cell.name().substring("Chi bộ ".length());
        return name.startsWith("thôn ") || name.startsWith("khu phố ") ? "Nhà văn hóa " + name : "Phòng họp " + name;
    }

    private static final List<String> TOPICS = List.of(
            "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "Quán triệt Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo"
                    + " và chuyển đổi số quốc gia",
            "Chuyển đổi số trong công tác đảng và hoạt động của cơ quan, đơn vị",
            "Đấu tranh phản bác các quan điểm sai trái, thù địch, thông tin xấu độc trên không gian mạng");

    private static final List<String> TASKS = List.of(
            "Tuyên truyền nghị quyết của chi bộ tới quần chúng nơi cư trú",
            "Hoàn thành báo cáo kết quả công tác chuyên môn của tháng",
            "Vận động nhân dân tham gia vệ sinh môi trường khu dân cư",
            "Nắm bắt tình hình tư tưởng của quần chúng, báo cáo chi ủy",
            "Hướng dẫn quần chúng sử dụng dịch vụ công trực tuyến",
            "Viết bài đăng trên trang thông tin của cơ quan về gương người tốt việc tốt",
            "Giúp đỡ đảng viên dự bị trong học tập và rèn luyện",
            "Rà soát, cập nhật hồ sơ đảng viên trên phần mềm quản lý");

    private static final List<String> EXCUSES = List.of(
            "Đi công tác theo quyết định của cơ quan",
            "Ốm, đã có đơn xin phép chi ủy",
            "Việc gia đình, đã báo cáo bí thư chi bộ trước buổi sinh hoạt",
            "Đi học lớp bồi dưỡng nghiệp vụ");

    private static final List<String> COMMENDATIONS = List.of(
            "Hoàn thành xuất sắc nhiệm vụ được giao trong tháng",
            "Có sáng kiến cải tiến quy trình làm việc được cơ quan ghi nhận",
            "Tích cực vận động nhân dân tham gia phong trào của địa phương",
            "Gương mẫu trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh");

    private static final List<String> CRITICISMS = List.of(
            "Vắng sinh hoạt chi bộ không có lý do",
            "Chậm hoàn thành nhiệm vụ được giao tại buổi sinh hoạt trước",
            "Chưa tích cực phát biểu, đóng góp ý kiến xây dựng chi bộ",
            "Chậm nộp đảng phí theo quy định");

    private static final Map<String, String> GRADE_COMMENTS = Map.of(
            "GOOD", "Buổi sinh hoạt đúng quy trình, nội dung thiết thực, nhiều đảng viên phát biểu xây dựng.",
            "FAIR", "Buổi sinh hoạt đảm bảo nội dung; cần nâng cao tỷ lệ đảng viên dự họp và tính chiến đấu.",
            "AVERAGE", "Số đảng viên phát biểu chưa đạt chỉ tiêu; nội dung còn chung chung, chưa sát thực tế.",
            "POOR", "Buổi sinh hoạt còn hình thức, ít ý kiến phát biểu, có đảng viên vắng không lý do.");
}
