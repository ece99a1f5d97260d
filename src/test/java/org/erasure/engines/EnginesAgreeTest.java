package org.erasure.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.erasure.fixtures.Problems;
import org.erasure.Erasure;
import org.erasure.fokkerplanck.FokkerPlanckSettings;
import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.langevin.MonteCarloSettings;
import org.erasure.model.Dynamics;
import org.erasure.model.ErasureProblem;
import org.erasure.model.InitialState;
import org.erasure.model.UnsupportedProblemException;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;
import org.erasure.stats.BinomialInterval;
import org.erasure.stats.ErasureTally;
import org.junit.jupiter.api.Test;

/** One problem, two engines: they agree where both apply, and the Fokker–Planck engine refuses the rest. */
class EnginesAgreeTest {

    /**
     * The quick erasure followed by a hold of 50 τ_D at the final (symmetric, 8 kT) well: the bit leaks back,
     * ε ≈ 0.10 after the hold against 6e-4 at the end of the protocol. The FP ε after the hold must lie in the
     * Monte Carlo 95 % Clopper–Pearson interval, as must the FP ε at the end of the protocol. Fixed seed, so
     * deterministic; over fresh seeds each check would fail about 5 % of the time (the FP's own error, 5e-6
     * on 0.10, is negligible against the interval's half-width of 0.004).
     */
    @Test
    void fokkerPlanckHonoursTheHoldAndAgreesWithMonteCarlo() {
        final ErasureProblem p = Problems.fourStep(8, 10, 8)
                .withHold(50);
        final Erasure.MonteCarloResult mc = Erasure.simulate(p, MonteCarloSettings.of(p, 1e-3, 20_000, 1), 2, null);
        final FokkerPlanckSolution fp = Erasure.solve(p, FokkerPlanckSettings.ofGrid(1000, 5000));
        final ErasureTally t = mc.tally();
        final BinomialInterval afterHold = t.errorInterval();
        final BinomialInterval atEnd = BinomialInterval.clopperPearson(t.errorsAtProtocolEnd(), t.trajectories());
        final double eps = fp.result().error();
        assertTrue(eps > 0.05 && eps < 0.2, "the hold lets the bit leak: eps = " + eps);
        assertTrue(afterHold.low() <= eps && eps <= afterHold.high(),
                "FP eps after the hold " + eps + " outside the MC interval " + afterHold);
        final double eps0 = fp.result().errorAtProtocolEnd();
        assertTrue(atEnd.low() <= eps0 && eps0 <= atEnd.high(),
                "FP eps at the protocol end " + eps0 + " outside the MC interval " + atEnd);
        assertTrue(eps > 50 * eps0, "the hold is not dropped: " + eps + " vs " + eps0);
        assertEquals(org.erasure.fokkerplanck.FokkerPlanckSolver.holdSteps(10.0 / 5000 / 2, 10000, 50),
                fp.result().holdSteps(), "the hold's geometric steps, as counted up front");
        // work is done by the protocol only; the hold adds heat: first law over the whole run
        assertEquals(fp.result().meanWork() - fp.result().meanHeat(), fp.result().meanDeltaU(), 1e-10);
        assertTrue(fp.withinTolerance(), String.join("; ", org.erasure.io.FokkerPlanckWarnings.of(fp)));
    }

    /**
     * A hold of 1e5 tau_D (1e8 steps of the protocol's dt; the FP runs it in geometrically growing steps) after an
     * erasure into a 21 kT well: the error after the hold must follow the two-state leak
     * eps(t) = 1/2 - (1/2 - eps0) exp(-lambda1 t), lambda1 the exact rate of the final potential (EJML-checked
     * spectrum), to 1 % relative; and the FP's own two-resolution estimate must stay below that 1 %.
     * Deterministic.
     */
    @Test
    void aLongHoldFollowsTheTwoStateLeak() {
        final QuarticDoubleWell well = QuarticDoubleWell.of(21);
        final double hold = 1e5;
        final ErasureProblem p = ErasureProblem.of(well, KeyframeProtocol.fourStep(10, 0, 12)).withHold(hold);
        final FokkerPlanckSolution fp = Erasure.solve(p, FokkerPlanckSettings.ofGrid(800, 4000));
        final double eps0 = fp.result().errorAtProtocolEnd();
        final double lambda = org.erasure.fokkerplanck.HoppingSpectrum.slowestRate(well, 1, 0, 2000);
        final double predicted = 0.5 - (0.5 - eps0) * Math.exp(-lambda * hold);
        assertTrue(predicted > 10 * eps0 && predicted < 0.4, "a hold that matters: " + eps0 + " -> " + predicted);
        assertEquals(predicted, fp.result().error(), 0.01 * predicted, "lambda1 = " + lambda);
        assertTrue(fp.errorRateRelativeError() < 0.01, "numerical error " + fp.errorRateRelativeError());
        assertTrue(fp.result().holdSteps() < 3 * fp.result().timeSteps(), "hold steps " + fp.result().holdSteps());
    }

    /**
     * The controller's gross work (SPEC 2.4): the FP's exact ⟨W⁺⟩ and ⟨W⁻⟩ against the Monte Carlo's means on
     * two protocols (a four-step erasure and the same with a partial barrier lowering), within 4 standard errors
     * (normal false-failure rate 6e-5 per comparison; fixed seeds, so deterministic). ⟨W⁺⟩ + ⟨W⁻⟩ = ⟨W⟩.
     */
    @Test
    void grossWorkAgreesBetweenTheEngines() {
        for (double gMin : new double[] {0, 0.5}) {
            final ErasureProblem p = ErasureProblem.of(QuarticDoubleWell.of(8), KeyframeProtocol.fourStep(5, gMin, 10));
            final ErasureTally t = Erasure.simulate(p, MonteCarloSettings.of(p, 1e-3, 20_000, 3), 2, null).tally();
            final FokkerPlanckSolution fp = Erasure.solve(p, FokkerPlanckSettings.ofGrid(800, 5000));
            final double plus = fp.result().meanWorkPlus();
            final double minus = fp.result().meanWorkMinus();
            assertEquals(fp.result().meanWork(), plus + minus, 1e-9, "W+ + W- = W");
            assertTrue(plus > fp.result().meanWork() + 3, "the switching energy is large: W+ = " + plus);
            assertEquals(plus, t.workPlus().mean(), 4 * t.workPlus().standardError() + fp.workPlusError(), "W+ g=" + gMin);
            assertEquals(minus, t.workMinus().mean(), 4 * t.workMinus().standardError() + fp.workMinusError(),
                    "W- g=" + gMin);
        }
    }

    @Test
    void fokkerPlanckRefusesWhatItCannotSolve() {
        final ErasureProblem p = Problems.fourStep(8, 10, 8);
        final FokkerPlanckSettings s = FokkerPlanckSettings.ofGrid(200, 200).withTimeOrder(1);
        // the phase-space solver of underdamped problems is first order in the control steps: Richardson is refused
        final UnsupportedProblemException u = assertThrows(UnsupportedProblemException.class,
                () -> Erasure.solve(p.withDynamics(Dynamics.underdamped(1)),
                        FokkerPlanckSettings.ofGrid(200, 200)));
        assertTrue(u.getMessage().contains("first order"), u.getMessage());
        final UnsupportedProblemException x = assertThrows(UnsupportedProblemException.class,
                () -> Erasure.solve(p.withInitial(InitialState.at(-1)), s));
        assertTrue(x.getMessage().contains("fixed position"), x.getMessage());
        // and the Monte Carlo engine refuses an integrator that does not fit the dynamics
        assertThrows(IllegalArgumentException.class, () -> Erasure.simulate(p.withDynamics(Dynamics.underdamped(1)),
                new MonteCarloSettings(org.erasure.langevin.Integrator.HEUN, 1e-3, 10, 1, null)));
    }
}
