package org.erasure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What `optimize` says when parameters sit on the search box: the option that widens each bound, or why none does
 * (it said "widen the range" for a phase at its fixed 2 % floor, which no option widens).
 */
class OptimizeAdviceTest {

    @Test
    void eachBoundNamesWhatWidensIt() {
        final String fourStep = String.join("; ", OptimizeCommand.widening(List.of("F_max = 40 kT (the cap)",
                "E_b = 8 kT (lowest allowed)", "phase 4 at its shortest")));
        assertTrue(fourStep.contains("--max-tilt") && fourStep.contains("--barrier-range")
                && fourStep.contains("no option widens it"), fourStep);
        final String keyframes = String.join("; ", OptimizeCommand.widening(List.of(
                "g = 0 at t/tau = 0.5 (lower bound)", "F_kT = 40 at t/tau = 0.75 (upper bound)")));
        assertTrue(keyframes.contains("bounded by physics") && keyframes.contains("--max-tilt"), keyframes);
        assertEquals(List.of("no option widens these bounds"), OptimizeCommand.widening(List.of("c0 = 3 (upper bound)")));
    }
}
