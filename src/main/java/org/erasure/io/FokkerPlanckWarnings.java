package org.erasure.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.erasure.fokkerplanck.FokkerPlanckSolution;

/** The words for a Fokker–Planck solution whose numerical error exceeds its tolerance. */
public final class FokkerPlanckWarnings {

    private FokkerPlanckWarnings() {
    }

    /**
     * One sentence per value whose numerical error exceeds the tolerance; empty when none does. The sentences
     * hold no comma, so they stand in a CSV cell unquoted.
     */
    public static List<String> of(FokkerPlanckSolution s) {
        final List<String> w = new ArrayList<>();
        if (!s.errorRateWithinTolerance()) {
            w.add(String.format(Locale.ROOT, "eps = %.4g carries a numerical error of %.2g (%.2g %% relative; the "
                            + "tolerance is %.2g %%): refine the grid (more cells and time steps)",
                    s.result().error(), s.errorRateError(), 100 * s.errorRateRelativeError(),
                    100 * s.tolerance().relativeError()));
        }
        if (!s.workWithinTolerance()) {
            w.add(String.format(Locale.ROOT, "<W> = %.6f kT carries a numerical error of %.2g kT (the tolerance is "
                            + "%.2g kT): refine the grid (more cells and time steps)", s.result().meanWork(),
                    s.workError(), s.tolerance().energyFor(s.result().meanWork())));
        }
        final org.erasure.fokkerplanck.FokkerPlanckResult.PhaseSpace ps = s.result().phaseSpace();
        if (ps != null && ps.edgeProbability() > EDGE_FRACTION * Math.min(1, s.result().error())) {
            w.add(String.format(Locale.ROOT, "the density reached the phase-space grid's edges (probability %.2g in "
                            + "the outermost cells; the edges reflect): the results are those of a walled box and may "
                            + "be wrong beyond that size", ps.edgeProbability()));
        }
        return w;
    }

    /**
     * The most probability a phase-space solve may hold in its grid's outermost cells, as a fraction of ε (or of 1):
     * more could change ε by more than a thousandth of itself.
     */
    public static final double EDGE_FRACTION = 1e-3;
}
