package org.erasure.fokkerplanck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.erasure.config.ConfigLoader;
import org.erasure.langevin.Integrator;
import org.erasure.langevin.LangevinMonteCarlo;
import org.erasure.langevin.LangevinRun;
import org.erasure.model.Dynamics;
import org.erasure.model.ErasureProblem;
import org.erasure.model.TimeGrid;
import org.erasure.physics.HarmonicTrap;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;
import org.erasure.stats.ErasureTally;
import org.junit.jupiter.api.Test;

/**
 * The phase-space (Klein–Kramers) solver against what is known exactly: its discrete Boltzmann–Maxwell equilibrium is
 * stationary, a dragged harmonic trap follows the exact moment equations, and on the cantilever preset it agrees with
 * the underdamped Monte Carlo (a second, independent engine).
 */
class KramersSolverTest {

    private static ErasureProblem underdamped(ErasureProblem p, double mass) {
        return p.withDynamics(Dynamics.underdamped(mass));
    }

    /**
     * At fixed controls the grid's Boltzmann–Maxwell density E_i M_j (both bit values together) must stay what it is,
     * to rounding, through 40 steps of transport and Ornstein–Uhlenbeck solves: the well-balanced construction, not
     * an approximation that merely converges. A scheme with point-value weights or an unbalanced force drifts by
     * 1e-3 and more in a step at this resolution.
     */
    @Test
    void discreteEquilibriumIsStationaryToRounding() {
        final ErasureProblem p = underdamped(ErasureProblem.of(QuarticDoubleWell.of(5),
                KeyframeProtocol.constant(4, 0.7, 1.5)), 1);
        final CellGrid x = CellGrid.on(-2, 2, 60, 0);
        final PhaseSpaceGrid g = PhaseSpaceGrid.of(x, 40, KramersSolver.velocityBound(p), 1);
        final TimeGrid time = TimeGrid.of(4, 0, 0.1);
        final KramersRun left = new KramersRun(g, p.potential(), p.protocol(), time, true, null);
        final KramersRun right = new KramersRun(g, p.potential(), p.protocol(), time, false, null);
        final double[][] start = sum(left.density(), right.density());
        left.runProtocol(new long[0], new double[0][]);
        right.runProtocol(new long[0], new double[0][]);
        final double[][] end = sum(left.density(), right.density());
        double worst = 0;
        double mass = 0;
        for (int i = 0; i < start.length; i++) {
            for (int j = 0; j < start[i].length; j++) {
                mass += end[i][j];
                if (start[i][j] > 1e-280) {
                    worst = Math.max(worst, Math.abs(end[i][j] / start[i][j] - 1));
                }
            }
        }
        assertTrue(worst < 1e-11, "largest relative drift of the equilibrium: " + worst);
        assertEquals(1, mass, 1e-13, "mass conserved");
        assertEquals(0, left.work() + right.work(), 1e-15, "no work at fixed controls");
        assertTrue(left.transportSteps() >= 40, "transport ran");
    }

    /**
     * A harmonic trap U = (x − λ)²/2 dragged from λ = 0 to 3 in τ = 6 at mass μ = 1: the mean obeys
     * d⟨x⟩/dt = ⟨v⟩, μ d⟨v⟩/dt = −(⟨x⟩ − λ) − ⟨v⟩ exactly, the covariance stays at equilibrium, so
     * ⟨W⟩ = −∫(⟨x⟩ − λ) λ̇ dt and ⟨ΔK⟩ = μ⟨v⟩²/2 at τ (integrated here by RK4 to 1e-10). The solver's values must lie
     * within twice its own numerical-error estimate (plus 1e-3 kT) of them, and ⟨W⟩ within the estimate itself:
     * deterministic, no false failures.
     */
    @Test
    void draggedHarmonicTrapFollowsTheExactMomentEquations() {
        final double tau = 6;
        final double dist = 3;
        final double mass = 1;
        final ErasureProblem p = underdamped(ErasureProblem.of(HarmonicTrap.of(),
                KeyframeProtocol.of(tau, new double[] {0, 1}, new double[] {0, dist}, new double[] {1, 1})), mass);
        final FokkerPlanckSolution s = KramersSolver.solution(p,
                FokkerPlanckSettings.ofGrid(200, 400).withTimeOrder(1).withVelocityCells(64),
                FokkerPlanckSolution.Tolerance.DEFAULT, null, null);
        // exact means, RK4 on (x, v) with W accumulated
        final double speed = dist / tau;
        double xm = 0;
        double vm = 0;
        double w = 0;
        final int n = 200_000;
        final double h = tau / n;
        for (int k = 0; k < n; k++) {
            final double t = k * h;
            final double[] k1 = rhs(xm, vm, t, speed, mass);
            final double[] k2 = rhs(xm + h / 2 * k1[0], vm + h / 2 * k1[1], t + h / 2, speed, mass);
            final double[] k3 = rhs(xm + h / 2 * k2[0], vm + h / 2 * k2[1], t + h / 2, speed, mass);
            final double[] k4 = rhs(xm + h * k3[0], vm + h * k3[1], t + h, speed, mass);
            xm += h / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
            vm += h / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
            w += h / 6 * (k1[2] + 2 * k2[2] + 2 * k3[2] + k4[2]);
        }
        final double dk = 0.5 * mass * vm * vm;
        final FokkerPlanckResult r = s.result();
        assertTrue(Math.abs(r.meanWork() - w) <= 2 * s.workError() + 1e-3,
                "<W> " + r.meanWork() + " +- " + s.workError() + " vs exact " + w);
        assertTrue(Math.abs(r.meanDeltaK() - dk) <= 2 * s.deltaKError() + 1e-3,
                "<dK> " + r.meanDeltaK() + " +- " + s.deltaKError() + " vs exact " + dk);
        // the estimate covers the true error and is informative (measured: 0.020 kT against an estimate of 0.163 kT,
        // Roache's factor 3 times the two-grid difference 0.054 kT; here the order is about 2, the error at half the
        // resolution 3.7 times larger, so the factor is not needed: it is for the tails, which are pre-asymptotic)
        assertTrue(Math.abs(r.meanWork() - w) <= s.workError(), "the estimate bounds the error");
        assertTrue(s.workError() < 0.15 * w, "the estimate is informative: " + s.workError() + " on " + w);
        // first law of the ensemble, to rounding
        assertEquals(r.meanWork() - r.meanHeat(), r.meanDeltaU() + r.meanDeltaK(), 1e-12);
    }

    /** d/dt of (⟨x⟩, ⟨v⟩, W) for the dragged trap λ = speed·t. */
    private static double[] rhs(double x, double v, double t, double speed, double mass) {
        final double lambda = speed * t;
        return new double[] {v, (-(x - lambda) - v) / mass, -(x - lambda) * speed};
    }

    /**
     * The cantilever preset (piecewise-harmonic well, μ = 49, half an oscillation period) against the underdamped
     * Monte Carlo of the same configuration, 20 000 trajectories, BAOAB at its configured step: ⟨W⟩, ⟨ΔK⟩ and ε
     * (about 0.33; the particles cannot follow) must agree within 3 combined standard errors plus the solver's
     * own numerical-error estimate. Fixed seed; over fresh seeds each check fails about 0.3 % of the time.
     */
    @Test
    void cantileverAgreesWithTheUnderdampedMonteCarlo() {
        final ErasureProblem p = ConfigLoader.preset("cantilever.yaml", List.of()).run().problem();
        final FokkerPlanckSolution s = KramersSolver.solution(p,
                FokkerPlanckSettings.ofGrid(200, 200).withTimeOrder(1).withVelocityCells(96),
                FokkerPlanckSolution.Tolerance.DEFAULT, null, null);
        final ErasureTally mc = LangevinMonteCarlo.run(LangevinRun.of(p, Integrator.BAOAB, p.duration() / 800,
                20_000, 1090), 2, null);
        final FokkerPlanckResult r = s.result();
        final double seW = mc.work().standardError();
        assertTrue(Math.abs(r.meanWork() - mc.work().mean()) <= 3 * seW + s.workError(),
                "<W> FP " + r.meanWork() + " +- " + s.workError() + " vs MC " + mc.work().mean() + " +- " + seW);
        assertTrue(Math.abs(r.meanDeltaK() - mc.deltaK().mean()) <= 3 * mc.deltaK().standardError() + s.deltaKError(),
                "<dK> FP " + r.meanDeltaK() + " vs MC " + mc.deltaK().mean());
        final double epsMc = (double) mc.errors() / mc.trajectories();
        final double seEps = Math.sqrt(epsMc * (1 - epsMc) / mc.trajectories());
        assertTrue(Math.abs(r.error() - epsMc) <= 3 * seEps + s.errorRateError(),
                "eps FP " + r.error() + " +- " + s.errorRateError() + " vs MC " + epsMc + " +- " + seEps);
        assertTrue(r.phaseSpace().edgeProbability() < 1e-12, "the grid holds the density: "
                + r.phaseSpace().edgeProbability());
    }

    /**
     * A NESTbench25-style learned protocol (a table of 1000 rows "c0 c1" in the benchmark's interval timing, c0 stepping
     * from 0 to 3 at half time, c1 = 5 cos 2πs, negative in places) on the Q = 7 cantilever, against the underdamped
     * Monte Carlo (20 000 trajectories, BAOAB at 0.05 τ_D; its time-step errors were 0.003 kT): ⟨W⟩, ⟨ΔK⟩ and ε must
     * agree within 3 standard errors plus the solver's numerical error. The solver's position and velocity errors have
     * opposite signs here and cancel in the solve at half of both: measured ⟨ΔK⟩ = 11.76 kT at 300 × 160 cells against
     * the Monte Carlo's 10.28 ± 0.07, where the half-resolution solve differs by 0.36 kT. The one-way checks (x alone
     * halved, v alone halved) are what make the stated error cover that; the test also holds that the two-resolution
     * difference alone would not, so that it keeps testing them. Fixed seed: deterministic.
     */
    @Test
    void aNestbenchTableProtocolAgreesWithTheMonteCarloWithinTheOneWayError(@org.junit.jupiter.api.io.TempDir
                                                                            java.nio.file.Path tmp) throws Exception {
        final StringBuilder table = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            final double s = i / 1000.0;
            table.append(s < 0.5 ? 0 : 3).append(' ').append(5 * Math.cos(2 * Math.PI * s)).append('\n');
        }
        java.nio.file.Files.writeString(tmp.resolve("nest.txt"), table.toString());
        final java.nio.file.Path cfg = tmp.resolve("nest.yaml");
        java.nio.file.Files.writeString(cfg, String.join("\n", "name: nest",
                "physical: {resonance_frequency_Hz: 1090, quality_factor: 7}", "potential: {type: piecewise-harmonic}",
                "protocol: {type: table, file: nest.txt, tau: 20, start: [0, 5], end: [0, 5], target: left, "
                        + "timing: intervals}", "dynamics: {model: underdamped, dt: 0.05}", ""));
        final ErasureProblem p = ConfigLoader.load(cfg, List.of()).problem();
        final FokkerPlanckSolution s = KramersSolver.solution(p,
                FokkerPlanckSettings.ofGrid(300, 400).withTimeOrder(1).withVelocityCells(160),
                FokkerPlanckSolution.Tolerance.DEFAULT, null, null);
        final ErasureTally mc = LangevinMonteCarlo.run(LangevinRun.of(p, Integrator.BAOAB, 0.05, 20_000, 3), 2, null);
        final FokkerPlanckResult r = s.result();
        final double dkGap = Math.abs(r.meanDeltaK() - mc.deltaK().mean());
        final double dkSe = mc.deltaK().standardError();
        assertTrue(dkGap <= 3 * dkSe + s.deltaKError(), "<dK> FP " + r.meanDeltaK() + " +- " + s.deltaKError()
                + " vs MC " + mc.deltaK().mean() + " +- " + dkSe);
        assertTrue(dkGap > 3 * dkSe + Math.abs(r.meanDeltaK() - s.coarse().meanDeltaK()),
                "the half-resolution difference alone covers the gap: the case no longer tests the one-way checks");
        assertTrue(Math.abs(r.meanWork() - mc.work().mean()) <= 3 * mc.work().standardError() + s.workError(),
                "<W> FP " + r.meanWork() + " +- " + s.workError() + " vs MC " + mc.work().mean());
        final double epsMc = (double) mc.errors() / mc.trajectories();
        final double seEps = Math.sqrt(epsMc * (1 - epsMc) / mc.trajectories());
        assertTrue(Math.abs(r.error() - epsMc) <= 3 * seEps + s.errorRateError(),
                "eps FP " + r.error() + " +- " + s.errorRateError() + " vs MC " + epsMc + " +- " + seEps);
    }

    private static double[][] sum(double[][] a, double[][] b) {
        final double[][] s = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            s[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                s[i][j] = a[i][j] + b[i][j];
            }
        }
        return s;
    }

    /**
     * As the mass falls the phase-space solver approaches the overdamped 1-D solver (the Smoluchowski limit, corrections
     * of order μ): ⟨W⟩ and ε at μ = 0.1 lie closer to the overdamped values than at μ = 0.2, and the linear
     * extrapolation of ⟨W⟩ to μ = 0 meets the overdamped ⟨W⟩ within the numerical errors. Measured (120 × 48 cells,
     * 200 steps): ⟨W⟩ = 3.945 ± 0.08, 3.432 ± 0.07 kT at μ = 0.2, 0.1 (and 3.076 ± 0.19 at 0.05), extrapolated
     * 2.919, against 2.8674 ± 0.007 overdamped; ε = 4.78e-3, 2.85e-3 (2.22e-3) against 2.432e-3. Deterministic.
     */
    @Test
    void smallMassApproachesTheOverdampedSolver() {
        final ErasureProblem p = ErasureProblem.of(QuarticDoubleWell.of(5), KeyframeProtocol.fourStep(2, 0.2, 6));
        final FokkerPlanckSolution od = FokkerPlanckEngine.solve(p,
                FokkerPlanckSettings.ofGrid(2000, 4000).withTimeOrder(1));
        final java.util.concurrent.ExecutorService helpers = org.erasure.util.Futures.helpers("small-mass", 2);
        final FokkerPlanckSolution heavy;
        final FokkerPlanckSolution light;
        try {
            heavy = KramersSolver.solution(underdamped(p, 0.2), FokkerPlanckSettings.ofGrid(120, 200).withTimeOrder(1).withVelocityCells(48),
                    FokkerPlanckSolution.Tolerance.DEFAULT, null, helpers);
            light = KramersSolver.solution(underdamped(p, 0.1), FokkerPlanckSettings.ofGrid(120, 200).withTimeOrder(1).withVelocityCells(48),
                    FokkerPlanckSolution.Tolerance.DEFAULT, null, helpers);
        } finally {
            org.erasure.util.Futures.shutdown(helpers);
        }
        final double w0 = od.result().meanWork();
        final double e0 = od.result().error();
        assertTrue(Math.abs(light.result().meanWork() - w0) < Math.abs(heavy.result().meanWork() - w0),
                "<W> " + light.result().meanWork() + " at mu = 0.1 not closer to " + w0 + " than "
                        + heavy.result().meanWork());
        assertTrue(Math.abs(light.result().error() - e0) < Math.abs(heavy.result().error() - e0),
                "eps " + light.result().error() + " at mu = 0.1 not closer to " + e0 + " than " + heavy.result().error());
        final double extrapolated = 2 * light.result().meanWork() - heavy.result().meanWork();
        assertEquals(w0, extrapolated, 2 * light.workError() + heavy.workError() + od.workError(),
                "<W> extrapolated to mu = 0");
    }

    /**
     * A wild candidate of the optimiser's search (one period of the cantilever, c₀ to 15 and c₁ from −8.6 to 15 within
     * 4 τ_D) lifts the potential by hundreds of kT under the density, where ρ/ρ_eq reaches 1e154: van Leer's 2ab/(a + b)
     * overflowed and the density went NaN, which stopped `optimize`. Now the solve ends positive (checked by the solver)
     * with finite values, and flags them as far outside the numerical tolerance (the Monte Carlo gives ⟨W⟩ = 68.5 kT,
     * ε = 0.20; this grid is much too coarse for it, as the flag says). Deterministic.
     */
    @Test
    void aProtocolThatLiftsThePotentialByHundredsOfKtStaysFinite() {
        final double tau = 43.98223997327081;
        final double[] s = new double[12];
        for (int i = 0; i < 12; i++) {
            s[i] = i / 11.0;
        }
        final ErasureProblem p = ErasureProblem.of(org.erasure.physics.PiecewiseHarmonicWell.of(), KeyframeProtocol.of(tau,
                s, new double[] {0, -3.3004, 6.6855, 11.3806, -0.4822, 8.0320, 15, 2.4449, 15, -0.7952, 14.7469, 0},
                new double[] {5, -4.3244, 2.0041, -8.5611, 8.9085, 7.6173, 3.8098, -1.9283, 5.4779, -5.0820, 15, 5}))
                .withTarget(org.erasure.model.TargetWell.LEFT).withDynamics(Dynamics.underdamped(49));
        final FokkerPlanckSolution sol = KramersSolver.solution(p, FokkerPlanckSettings.ofGrid(100, 200).withTimeOrder(1)
                .withVelocityCells(48), FokkerPlanckSolution.Tolerance.DEFAULT, null, null);
        final FokkerPlanckResult r = sol.result();
        assertTrue(Double.isFinite(r.meanWork()) && Double.isFinite(r.meanHeat()) && r.meanWork() > 5, "W " + r.meanWork());
        assertTrue(r.error() >= 0 && r.error() <= 1, "eps " + r.error());
        assertTrue(!sol.withinTolerance() && sol.workError() > 1, "flagged: +- " + sol.workError() + " kT");
    }

    /**
     * The velocity grid's reach is a resolution, not physics: on a slow erasure (the cantilever preset in four periods,
     * 100 x 48 cells, 100 steps) a grid of ±10 thermal velocities gives ⟨W⟩ and ε within the two solves' numerical
     * errors of the default ±16, spans v = ±10/√μ, and holds in its edge cells less than 1e-3 of ε. Deterministic.
     */
    @Test
    void aNarrowerVelocityReachAgreesOnASlowErasure() {
        final ErasureProblem p = ConfigLoader.preset("cantilever.yaml", List.of("protocol.tau_s=3.67e-3")).problem();
        final FokkerPlanckSettings base = FokkerPlanckSettings.ofGrid(100, 100).withTimeOrder(1).withVelocityCells(48);
        final FokkerPlanckSolution wide = KramersSolver.solution(p, base, FokkerPlanckSolution.Tolerance.DEFAULT, null,
                null);
        final FokkerPlanckSolution narrow = KramersSolver.solution(p, base.withVelocityReach(10),
                FokkerPlanckSolution.Tolerance.DEFAULT, null, null);
        assertEquals(10 / 7.0, narrow.result().phaseSpace().velocityBound(), 1e-12);
        assertEquals(16 / 7.0, wide.result().phaseSpace().velocityBound(), 1e-12);
        assertEquals(wide.result().meanWork(), narrow.result().meanWork(), wide.workError() + narrow.workError());
        assertEquals(wide.result().error(), narrow.result().error(), wide.errorRateError() + narrow.errorRateError());
        assertTrue(narrow.result().phaseSpace().edgeProbability() < 1e-3 * narrow.result().error(),
                "edge " + narrow.result().phaseSpace().edgeProbability());
    }

    /**
     * The escape rate at moderate friction (issue 25's turnover; E_b = 5 kT quartic, reduced mass 0.2: Q = 2.8, energy
     * loss per cycle at the barrier Δ = 13): a bit stored in the left well at fixed controls leaks as
     * P(t) = (1 − e^{−λt})/2, λ = k_LR + k_RL, so λ = ln[(1 − 2P(t₁))/(1 − 2P(t₂))]/(t₂ − t₁) after the intra-well
     * transient (t₁ = 2, t₂ = 4 τ_D). The phase-space solver's λ (one solve at 100 × 48 cells, v within ±8 thermal
     * velocities, and 0.01 τ_D a time)
     * must agree with the underdamped Monte Carlo's (1e6 trajectories a time, BAOAB at 0.005 τ_D) within 3 standard
     * errors (about 5 %; a false failure with another seed about 3 in 1000) and a grid allowance of 3 % (measured 0.5 %;
     * the solver's own error estimate is no help at this grid: its half-resolution solve, 50 × 24, is far from the
     * asymptotic regime, and at 64 × 32 it gave ± 100 %). And λ must lie within 15 % of the Kramers–Mel'nikov–Meshkov
     * rate: the 1-D engine's exact overdamped λ times Kramers' factor λ₊γ/ω_b² and Mel'nikov–Meshkov's A(Δ)²/A(2Δ)
     * (Mel'nikov &amp; Meshkov, J. Chem. Phys. 85, 1018 (1986)), an asymptotic formula whose finite-barrier corrections
     * are of order kT/E_b. Measured: λ = 2.239e-2 (solver; 2.245e-2 with the default reach of 16, at twice the
     * cost), 2.235e-2 (Monte Carlo), 2.084e-2 (theory) per τ_D.
     */
    @Test
    void escapeRateAtModerateFrictionAgreesWithMonteCarloAndMelnikovMeshkov() {
        final double eb = 5;
        final double mu = 0.2;
        final EscapeRates r = escapeRates(eb, mu, 2, 4, 0.01, 0.005);
        final double lambda = r.solver();
        assertTrue(Math.abs(lambda - r.monteCarlo()) <= 3 * r.monteCarloError() + 0.03 * r.monteCarlo(), r.toString());
        final double gamma = 1 / mu;
        final double barrierFrequency2 = 4 * eb / mu;
        final double lambdaPlus = Math.sqrt(gamma * gamma / 4 + barrierFrequency2) - gamma / 2;
        final double delta = 8.0 / 3 * Math.sqrt(eb / mu);     // energy lost per cycle on the separatrix, ∮ v dx (kT)
        final double theory = HoppingSpectrum.slowestRate(QuarticDoubleWell.of(eb), 1, 0, 4000)
                * lambdaPlus * gamma / barrierFrequency2 * melnikovA(delta) * melnikovA(delta) / melnikovA(2 * delta);
        assertEquals(theory, lambda, 0.15 * theory, "lambda solver " + lambda + " vs Kramers-Mel'nikov-Meshkov " + theory);
    }

    /**
     * The escape rate on the energy-diffusion side of the turnover (E_b = 5 kT quartic, reduced mass 4.9: Q = 14, energy
     * lost per cycle at the barrier Δ = 2.7 kT), λ from P at t₁ = 15 and t₂ = 25 τ_D as at moderate friction. The
     * solver (100 × 48 cells, ±8 thermal velocities, 0.05 τ_D a step) must agree with the underdamped Monte Carlo
     * (1e6 trajectories a time, BAOAB at 0.02 τ_D) within 3 standard errors (about 8 %; a false failure with another
     * seed about 3 in 1000) and a grid allowance of 15 %. That allowance is measured, not hoped for: here numerical
     * diffusion in v acts as extra friction, and λ converges at about first order (3.70e-3, 3.38e-3, 3.30e-3 at reach
     * 16, 10, 8 on 100 × 48; 3.20e-3 at 100 × 96 and 3.07e-3 at 200 × 96, reach 8), against the Monte Carlo's
     * 3.00e-3 ± 0.08e-3 (3.06e-3 at 0.01 τ_D). Kramers–Mel'nikov–Meshkov gives 1.82e-3 here, 40 % low at this barrier,
     * so it is not asserted.
     */
    @Test
    void escapeRateOnTheEnergyDiffusionSideAgreesWithMonteCarlo() {
        final EscapeRates r = escapeRates(5, 4.9, 15, 25, 0.05, 0.02);
        assertTrue(Math.abs(r.solver() - r.monteCarlo()) <= 3 * r.monteCarloError() + 0.15 * r.monteCarlo(),
                r.toString());
    }

    /** λ of the solver and of the Monte Carlo (with its standard error), per τ_D. */
    private record EscapeRates(double solver, double monteCarlo, double monteCarloError) {
    }

    /**
     * The relaxation rate λ = k_LR + k_RL of a bit stored in the left well of the E_b quartic at fixed controls
     * (reduced mass μ), from P(t) = (1 − e^{−λt})/2 at t₁ and t₂ after the intra-well transient: by the phase-space
     * solver (100 × 48 cells, ±8 thermal velocities, {@code solverDt} a step) and by the underdamped Monte Carlo (1e6
     * trajectories a time, BAOAB at {@code mcDt}, fixed seeds), with the binomial errors of its two counts (5e5
     * left-start trajectories each) propagated.
     */
    private static EscapeRates escapeRates(double eb, double mu, double t1, double t2, double solverDt, double mcDt) {
        final double[] t = {t1, t2};
        final double[] p = new double[2];
        final double[] mc = new double[2];
        final java.util.concurrent.ExecutorService helper = java.util.concurrent.Executors.newFixedThreadPool(1);
        for (int k = 0; k < 2; k++) {
            final ErasureProblem problem = ErasureProblem.of(QuarticDoubleWell.of(eb), KeyframeProtocol.constant(t[k], 1,
                    0)).withTarget(org.erasure.model.TargetWell.LEFT).withDynamics(Dynamics.underdamped(mu));
            p[k] = KramersSolver.solve(problem, FokkerPlanckSettings.ofGrid(100, Math.round(t[k] / solverDt))
                    .withTimeOrder(1).withVelocityCells(48).withVelocityReach(8), TimeGrid.of(t[k], 0, solverDt), null,
                    helper).errorFromLeft();
            final ErasureTally tally = LangevinMonteCarlo.run(LangevinRun.of(problem, Integrator.BAOAB, mcDt, 1_000_000,
                    77 + k), 2, null);
            mc[k] = (double) tally.errors(0) / (tally.trajectories() / 2.0);
        }
        helper.shutdown();
        final double span = t2 - t1;
        final double n = 5e5;
        return new EscapeRates(Math.log((1 - 2 * p[0]) / (1 - 2 * p[1])) / span,
                Math.log((1 - 2 * mc[0]) / (1 - 2 * mc[1])) / span,
                2 * Math.hypot(Math.sqrt(mc[0] / n) / (1 - 2 * mc[0]), Math.sqrt(mc[1] / n) / (1 - 2 * mc[1])) / span);
    }

    /**
     * Mel'nikov's depopulation factor A(Δ) = exp[(1/π) ∫ ln(1 − e^{−Δ(x² + 1/4)}) dx/(x² + 1/4)], by the trapezoid rule
     * on ±200 (the integrand decays as Δ e^{−Δx²}/x² and faster).
     */
    private static double melnikovA(double delta) {
        final int n = 200_000;
        final double h = 400.0 / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            final double x = -200 + i * h;
            final double q = x * x + 0.25;
            sum += (i == 0 || i == n ? 0.5 : 1) * Math.log(-Math.expm1(-delta * q)) / q;
        }
        return Math.exp(sum * h / Math.PI);
    }
}
