package vn.partycell.member.architecture;

import org.junit.jupiter.api.Test;
import vn.partycell.platform.test.ArchitectureRules;

class ArchitectureTest {

    @Test
    void keepsTheDomainPlainAndTheAdaptersApart() {
        ArchitectureRules.check("vn.partycell.member");
    }
}
