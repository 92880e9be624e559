package vn.partycell.evaluation.architecture;

import org.junit.jupiter.api.Test;
import vn.partycell.platform.test.ArchitectureRules;

class ArchitectureTest {

    @Test
    void keepsTheDomainPlainAndTheAdaptersApart() {
        ArchitectureRules.check("vn.partycell.evaluation");
    }
}
