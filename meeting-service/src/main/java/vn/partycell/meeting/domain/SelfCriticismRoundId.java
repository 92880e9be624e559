package vn.partycell.meeting.domain;

import java.time.YearMonth;
import java.util.Objects;

/**
 * A cell's self-criticism round of one month: the cell and the month are its unique key, stored
 * and sent as {@code <cellId>:<yyyy-MM>}, so every round of a cell lies in one range of that key.
 */
public record SelfCriticismRoundId(CellId cellId, YearMonth month) {

    public SelfCriticismRoundId {
        Objects.requireNonNull(cellId, "cellId");
        Objects.requireNonNull(month, "month");
    }

    public static SelfCriticismRoundId of(String value) {
        int at = value.lastIndexOf(':');
        if (at < 0) {
            throw new IllegalArgumentException("Not a self-criticism round id: " + value);
        }
        return new SelfCriticismRoundId(CellId.of(value.substring(0, at)), YearMonth.parse(value.substring(at + 1)));
    }

    @Override
    public String toString() {
        return cellId + ":" + month;
    }
}
