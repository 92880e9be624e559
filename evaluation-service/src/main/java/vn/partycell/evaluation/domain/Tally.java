package vn.partycell.evaluation.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The figures over a set of meeting entries (a year, or one month of it), each with the entries
 * that made it, so any number can be traced back to the meetings behind it.
 */
public record Tally(List<MeetingEntry> meetings, Map<Figure, List<MeetingEntry>> byFigure) {

    public Tally {
        meetings = List.copyOf(meetings);
        byFigure = Map.copyOf(byFigure);
    }

    public static Tally of(List<MeetingEntry> entries) {
        Map<Figure, List<MeetingEntry>> byFigure = new EnumMap<>(Figure.class);
        for (Figure figure : Figure.values()) {
            byFigure.put(figure, entries.stream().filter(figure::counts).toList());
        }
        return new Tally(entries, byFigure);
    }

    public int count(Figure figure) {
        return byFigure.get(figure).size();
    }

    public List<MeetingEntry> entries(Figure figure) {
        return byFigure.get(figure);
    }

    public int attended() {
        return count(Figure.ATTENDED);
    }

    public int late() {
        return count(Figure.LATE);
    }

    public int excused() {
        return count(Figure.EXCUSED);
    }

    public int missed() {
        return count(Figure.MISSED);
    }

    public int spoke() {
        return count(Figure.SPOKE);
    }
}
