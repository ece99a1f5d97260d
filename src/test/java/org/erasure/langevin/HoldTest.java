package org.erasure.langevin;

import org.erasure.model.*;
import org.erasure.model.TargetWell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.erasure.fokkerplanck.HoppingSpectrum;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;
import org.erasure.stats.ErasureTally;
import org.junit.jupiter.api.Test;

/** A hold after the protocol: the stored bit leaks at the exact hopping rate. */
class HoldTest {

    @Test
    void errorAfterTheHoldFollowsTheTwoStateLeak() {
        // Erase a 3 kT bit (eps0 at the end of the protocol), then hold it for 4 tau_D: in the two-state
        // picture eps(t) = 1/2 - (1/2 - eps0) exp(-lambda1 t), with lambda1 the exact rate (FP spectrum).
        final QuarticDoubleWell well = QuarticDoubleWell.of(3);
        final double hold = 4;
        final ErasureTally t = LangevinMonteCarlo.run(LangevinRun.of(ErasureProblem.of(well,
                KeyframeProtocol.fourStep(5, 0, 6)).withHold(hold), Integrator.HEUN, 1e-3, 40_000, 8), 2, null);
        final double eps0 = (double) t.errorsAtProtocolEnd() / t.trajectories();
        final double eps = t.errorInterval().rate();
        final double lambda = HoppingSpectrum.slowestRate(well, 1, 0, 1000);
        final double predicted = 0.5 - (0.5 - eps0) * Math.exp(-lambda * hold);
        assertTrue(eps > 2 * eps0, "the bit leaks during the hold: " + eps0 + " -> " + eps);
        // s.e. of eps ~ sqrt(eps/N) ~ 0.002; the two-state picture is accurate once intra-well modes die; 4 s.e.
        assertEquals(predicted, eps, 4 * Math.sqrt(eps * (1 - eps) / t.trajectories()) + 0.01,
                "eps0 = " + eps0 + ", lambda1 = " + lambda);
    }
}
