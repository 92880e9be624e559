package vn.partycell.evaluation.application;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.partycell.evaluation.domain.CellId;
import vn.partycell.evaluation.domain.GradedMeeting;
import vn.partycell.evaluation.domain.MeetingId;

/** The port's rules in memory: a meeting's grade is replaced only by a newer revision. */
public class InMemoryCellGrades implements CellGrades {

    public final Map<MeetingId, GradedMeeting> grades = new HashMap<>();

    @Override
    public boolean record(GradedMeeting grade) {
        GradedMeeting stored = grades.get(grade.meetingId());
        if (stored != null && stored.revision() >= grade.revision()) {
            return false;
        }
        grades.put(grade.meetingId(), grade);
        return true;
    }

    @Override
    public List<GradedMeeting> inMonth(CellId cellId, int year, int month) {
        return grades.values().stream()
                .filter(g -> g.cellId().equals(cellId) && g.year() == year && g.month() == month)
                .sorted(Comparator.comparing(g -> g.meetingId().toString()))
                .toList();
    }
}
