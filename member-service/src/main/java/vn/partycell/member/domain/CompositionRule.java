package vn.partycell.member.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The composition rules of a cell for one year (policy values): at least {@code minFullMembers} full
 * members; from {@code committeeFromFullMembers} full members a cell committee (chi ủy) with a
 * secretary and a deputy; below that a secretary, the deputy optional.
 */
public record CompositionRule(int minFullMembers, int committeeFromFullMembers) {

    /** What a superior should know about a cell of {@code fullMembers} full members holding {@code roles}. */
    public List<CompositionWarning> check(long fullMembers, Set<ElectedRole> roles) {
        List<CompositionWarning> warnings = new ArrayList<>();
        if (fullMembers < minFullMembers) {
            warnings.add(new CompositionWarning(
                    "too-few-full-members",
                    "Chi bộ chỉ có " + fullMembers + " đảng viên chính thức; cần ít nhất " + minFullMembers));
        }
        if (!roles.contains(ElectedRole.SECRETARY)) {
            warnings.add(new CompositionWarning("no-secretary", "Chi bộ chưa có bí thư"));
        }
        if (fullMembers >= committeeFromFullMembers) {
            if (!roles.contains(ElectedRole.DEPUTY_SECRETARY)) {
                warnings.add(new CompositionWarning(
                        "no-deputy-secretary",
                        "Chi bộ có từ " + committeeFromFullMembers + " đảng viên chính thức phải có phó bí thư"));
            }
        }
        return List.copyOf(warnings);
    }
}
