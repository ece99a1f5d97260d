package org.erasure.fokkerplanck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.erasure.langevin.Integrator;
import org.erasure.langevin.LangevinMonteCarlo;
import org.erasure.langevin.LangevinRun;
import org.erasure.model.ErasureProblem;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.physics.TabulatedField;
import org.erasure.protocol.FieldSchedule;
import org.erasure.protocol.KeyframeProtocol;
import org.erasure.stats.ErasureTally;
import org.junit.jupiter.api.Test;

/**
 * A field protocol (U(x, t) given as numbers) against the analytic protocol it tabulates, in both engines. The quartic
 * well is linear in g and F, so five frames at the four-step protocol's keyframe times are that protocol exactly in
 * time; only the interpolation in x differs.
 */
class FieldProtocolTest {

    private static final QuarticDoubleWell WELL = QuarticDoubleWell.of(8);
    private static final KeyframeProtocol FOUR_STEP = KeyframeProtocol.fourStep(1, 0.2, 10);

    private static ErasureProblem asField(int points) {
        final double[] times = {0, 0.25, 0.5, 0.75, 1};
        final double lo = -2.6;
        final double h = 5.2 / (points - 1);
        final double[][] u = new double[times.length][points];
        for (int k = 0; k < times.length; k++) {
            for (int i = 0; i < points; i++) {
                u[k][i] = WELL.energy(lo + i * h, FOUR_STEP.control0(times[k]), FOUR_STEP.control1(times[k]));
            }
        }
        return ErasureProblem.of(TabulatedField.of(lo, h, u), FieldSchedule.of(1, times));
    }

    /** The solver on the field meets the solver on the quartic: ⟨W⟩ to 1e-5 kT, ε to 1e-4 of itself. */
    @Test
    void fokkerPlanckRunsTheFieldAsTheProtocol() {
        final FokkerPlanckSettings s = FokkerPlanckSettings.ofGrid(2000, 2000);
        final FokkerPlanckResult exact = FokkerPlanckEngine.solve(ErasureProblem.of(WELL, FOUR_STEP), s).result();
        final FokkerPlanckResult field = FokkerPlanckEngine.solve(asField(5201), s).result();
        assertEquals(exact.meanWork(), field.meanWork(), 1e-5);
        assertEquals(exact.meanHeat(), field.meanHeat(), 1e-5);
        assertEquals(1, field.error() / exact.error(), 1e-4);
    }

    /**
     * The Monte Carlo engine on the field (forces from the interpolant, the initial state from the exact sampler with
     * the field's lower bound) meets it on the quartic: mean work and error within 4 combined standard errors
     * (false-failure rate 6e-5 each for independent samples).
     */
    @Test
    void langevinRunsTheFieldAsTheProtocol() {
        final ErasureTally exact = LangevinMonteCarlo.run(LangevinRun.of(ErasureProblem.of(WELL, FOUR_STEP),
                Integrator.HEUN, 1e-3, 4000, 17), 2, null);
        final ErasureTally field = LangevinMonteCarlo.run(LangevinRun.of(asField(5201), Integrator.HEUN, 1e-3, 4000,
                17), 2, null);
        final double se = Math.hypot(exact.work().standardError(), field.work().standardError());
        assertEquals(exact.work().mean(), field.work().mean(), 4 * se);
        final double p = 0.5 * (exact.errors() + field.errors()) / 4000.0;
        assertEquals(exact.errors(), field.errors(), 4 * Math.sqrt(2 * 4000 * p * (1 - p)) + 1);
    }
}
