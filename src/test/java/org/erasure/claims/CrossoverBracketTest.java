package org.erasure.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.erasure.physics.ErasureBounds;
import org.junit.jupiter.api.Test;

/**
 * The crossover's root finding ({@link SpeedExperiment#bracketed}), shared by the four-step and the rich family, on
 * a work curve with a known root: ⟨W⟩(τ) = 1/τ + 0.7 kT (the 1/τ excess over a slow limit of the speed experiment),
 * which crosses kT ln(1/ε) at τ = 1/(ln(1/ε) − 0.7). Deterministic.
 */
class CrossoverBracketTest {

    private static final double EPS = 1e-6;
    private static final double ROOT = 1 / (ErasureBounds.logInverseError(EPS) - 0.7);

    private static double work(double tau) {
        return 1 / tau + 0.7;
    }

    private static List<double[]> measured(double... taus) {
        return java.util.Arrays.stream(taus).mapToObj(t -> new double[] {t, work(t), 1e-6}).toList();
    }

    /** Each search step keeps the root inside the bracket and brings the interpolated τ* closer to it. */
    @Test
    void narrowsTheBracketAroundTheRoot() throws Exception {
        final int[] searches = new int[1];
        final SpeedExperiment.Search exact = t -> {
            searches[0]++;
            return new double[] {work(t), 1e-6};
        };
        final Rows.Crossover none = SpeedExperiment.bracketed(EPS, measured(1, 0.01, 0.1, 10), 0, exact);
        final Rows.Crossover three = SpeedExperiment.bracketed(EPS, measured(0.01, 0.1, 1, 10), 3, exact);
        assertEquals(3, searches[0]);
        assertEquals(3, three.optimisations());
        for (Rows.Crossover c : List.of(none, three)) {
            assertTrue(c.tauLow() <= ROOT && ROOT <= c.tauHigh(), "the root " + ROOT + " lies in the bracket " + c);
            assertTrue(c.workLow() >= ErasureBounds.logInverseError(EPS)
                    && c.workHigh() < ErasureBounds.logInverseError(EPS));
        }
        assertEquals(0.01, none.tauLow(), 0.0);            // the root, 0.0762, between the measured 0.01 and 0.1
        assertEquals(0.1, none.tauHigh(), 0.0);
        final double before = Math.abs(Math.log(none.tauStar() / ROOT));
        final double after = Math.abs(Math.log(three.tauStar() / ROOT));
        assertTrue(after < before / 10, "three steps: " + three.tauStar() + ", none: " + none.tauStar() + ", root "
                + ROOT);
    }

    /** No bracket, or a search that misses its target, is said in the note; nothing is extrapolated. */
    @Test
    void saysWhyWhereItFindsNoRoot() throws Exception {
        final SpeedExperiment.Search never = t -> {
            throw new AssertionError("no search without a bracket");
        };
        final Rows.Crossover below = SpeedExperiment.bracketed(EPS, measured(1, 10), 2, never);
        assertTrue(Double.isNaN(below.tauStar()) && below.note().startsWith("not bracketed: <W>_min below"),
                below.note());
        final Rows.Crossover above = SpeedExperiment.bracketed(EPS, measured(0.001, 0.01), 2, never);
        assertTrue(Double.isNaN(above.tauStar()) && above.note().startsWith("not bracketed: <W>_min above"),
                above.note());
        final Rows.Crossover empty = SpeedExperiment.bracketed(EPS, List.of(), 2, never);
        assertTrue(Double.isNaN(empty.tauStar()));
        final Rows.Crossover missed = SpeedExperiment.bracketed(EPS, measured(0.01, 1), 2, t -> null);
        assertEquals(1, missed.optimisations());
        assertTrue(missed.note().contains("missed the target"), missed.note());
        assertTrue(missed.tauLow() <= ROOT && ROOT <= missed.tauHigh());
    }
}
