package org.erasure.fokkerplanck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.erasure.langevin.LangevinMonteCarlo;
import org.erasure.langevin.Integrator;
import org.erasure.langevin.LangevinRun;
import org.erasure.model.TargetWell;
import org.erasure.physics.Quadrature;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;
import org.erasure.stats.BinomialInterval;
import org.erasure.stats.ErasureTally;
import org.junit.jupiter.api.Test;

/** The Fokker–Planck solver against exact properties, quadrature, and the Monte Carlo engine. */
class FokkerPlanckSolverTest {

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    @Test
    void equilibriumIsPreservedCellByCellIncludingTails() {
        // Constant tilted controls: the discrete Boltzmann start must stay put to 1e-12 relative in
        // every cell, down to the far tails (densities ~1e-40 and below), over 1000 steps.
        final QuarticDoubleWell well = QuarticDoubleWell.of(8);
        for (int cells : new int[] {97, 400, 1500}) {
            final FokkerPlanckResult r = FokkerPlanckSolver.solve(well, KeyframeProtocol.constant(10, 1, 3),
                    TargetWell.RIGHT, cells, 0.01);
            double worst = 0;
            double smallest = 1;
            for (int i = 0; i < r.cells(); i++) {
                final double a = r.initialDensity()[i];
                if (a > 1e-300) {
                    worst = Math.max(worst, Math.abs(r.finalDensity()[i] / a - 1));
                    smallest = Math.min(smallest, a);
                }
            }
            assertTrue(worst < 1e-12, cells + " cells: worst relative change " + worst);
            assertTrue(smallest < 1e-40, "the grid reaches the tails: " + smallest);
            assertEquals(0, r.meanWork(), 1e-12);
        }
    }

    @Test
    void massIsConservedAndDensitiesStayPositiveUnderViolentDriving() {
        // A fast, strong protocol with a huge time step: still mass 1 and no negative density.
        final FokkerPlanckResult r = FokkerPlanckSolver.solve(QuarticDoubleWell.of(10),
                KeyframeProtocol.fourStep(0.5, 0, 30), TargetWell.RIGHT, 600, 0.05);
        assertEquals(1, sum(r.finalDensity()) * r.cellWidth(), 1e-12);
        for (double v : r.finalDensity()) {
            assertTrue(v >= 0, "negative density " + v);
        }
        assertEquals(r.meanWork() - r.meanHeat(), r.meanDeltaU(), 1e-10, "first law for the ensemble");
        assertTrue(r.entropyProduction() > 0, "second law");
        assertTrue(r.meanWork() >= r.finiteTimeBound() - 1e-9, "finite-time bound");
    }

    @Test
    void tailProbabilityNear1e30HasRelativeAccuracy() {
        // Tilt a symmetric 8 kT well to F = 47 kT and let it equilibrate: the mass left of x = 0 is
        // ~1e-30. Against log-space Simpson quadrature of exp(-U); the midpoint-rule grid error O(h^2)
        // is removed by Richardson extrapolation over two grids.
        final QuarticDoubleWell well = QuarticDoubleWell.of(8);
        final double f = 47;
        final KeyframeProtocol tilt = KeyframeProtocol.of(20, new double[] {0, 0.01, 1}, new double[] {1, 1, 1},
                new double[] {0, f, f});
        final double exact = Math.exp(Quadrature.logIntegral(well, 1, f, -3, 0, 400_000)
                - Quadrature.logIntegral(well, 1, f, -3, 3, 800_000));
        final double coarse = FokkerPlanckSolver.solve(well, tilt, TargetWell.RIGHT, 3000, 0.02).error();
        final double fine = FokkerPlanckSolver.solve(well, tilt, TargetWell.RIGHT, 6000, 0.02).error();
        final double extrapolated = (4 * fine - coarse) / 3;
        assertTrue(exact > 1e-33 && exact < 1e-27, "a probability near 1e-30: " + exact);
        assertEquals(1, extrapolated / exact, 1e-6, "FP " + extrapolated + " vs quadrature " + exact);
        assertEquals(1, fine / exact, 1e-3, "even without extrapolation");
    }

    @Test
    void convergesAtFirstOrderInTimeAndSecondInSpace() {
        final QuarticDoubleWell well = QuarticDoubleWell.of(6);
        final KeyframeProtocol p = KeyframeProtocol.fourStep(2, 0, 4);
        final double[] wt = new double[3];
        final double[] wx = new double[3];
        for (int l = 0; l < 3; l++) {
            wt[l] = FokkerPlanckSolver.solve(well, p, TargetWell.RIGHT, 1000, 0.02 / (1 << l)).meanWork();
            wx[l] = FokkerPlanckSolver.solve(well, p, TargetWell.RIGHT, 100 << l, 0.002).meanWork();
        }
        final double rt = (wt[0] - wt[1]) / (wt[1] - wt[2]);
        final double rx = (wx[0] - wx[1]) / (wx[1] - wx[2]);
        assertEquals(2, rt, 0.3, "time ratio (backward Euler: 2)");
        assertEquals(4, rx, 0.6, "space ratio (exponential fitting on a uniform grid: 4)");
    }

    @Test
    void richardsonOptionIsSecondOrderInTime() {
        // Time steps that put the keyframes (t = 0.5, 1, 1.5) on step boundaries: the protocol's kinks
        // otherwise fall inside a step and spoil the smooth error expansion that extrapolation needs.
        final QuarticDoubleWell well = QuarticDoubleWell.of(6);
        final KeyframeProtocol p = KeyframeProtocol.fourStep(2, 0, 4);
        final double[] w = new double[3];
        for (int l = 0; l < 3; l++) {
            w[l] = FokkerPlanckSolver.solveSecondOrder(well, p, TargetWell.RIGHT, 1000, 0.05 / (1 << l)).meanWork();
        }
        final double ratio = (w[0] - w[1]) / (w[1] - w[2]);
        assertEquals(4, ratio, 1, "Richardson-extrapolated backward Euler: ratio 4");
    }

    @Test
    void agreesWithMonteCarlo() {
        // Slow, fast and strongly tilted protocols. The MC uses Heun at the same dt; both engines share
        // the discrete-time work definition. 3 s.e. on <W>: false-failure rate 0.3 % per protocol;
        // eps must lie inside the 95 % Clopper-Pearson interval widened to 99.9 %.
        final Object[][] cases = {
                {QuarticDoubleWell.of(8), KeyframeProtocol.fourStep(20, 0, 6), "slow"},
                {QuarticDoubleWell.of(6), KeyframeProtocol.fourStep(0.8, 0.2, 5), "fast"},
                {QuarticDoubleWell.of(4), KeyframeProtocol.fourStep(3, 0.5, 12), "strongly tilted"}};
        for (Object[] c : cases) {
            final QuarticDoubleWell w = (QuarticDoubleWell) c[0];
            final KeyframeProtocol p = (KeyframeProtocol) c[1];
            final double dt = 1e-3;
            final FokkerPlanckResult fp = FokkerPlanckSolver.solve(w, p, TargetWell.RIGHT, 1500, dt);
            final ErasureTally mc = LangevinMonteCarlo.run(LangevinRun.of(w, p, Integrator.HEUN, dt, 20_000, 99), 2, null);
            final String msg = c[2] + ": FP W = " + fp.meanWork() + ", eps = " + fp.error() + "; MC W = "
                    + mc.work().mean() + " +- " + mc.work().standardError() + ", eps = " + mc.errorInterval().rate();
            assertEquals(fp.meanWork(), mc.work().mean(), 3 * mc.work().standardError(), msg);
            assertEquals(fp.meanHeat(), mc.heat().mean(), 3 * mc.heat().standardError(), msg);
            final BinomialInterval ci = BinomialInterval.clopperPearson(mc.errors(), mc.trajectories(), 0.999);
            assertTrue(fp.error() >= ci.low() && fp.error() <= ci.high(), msg + " CI " + ci);
        }
    }

    @Test
    void rejectsBadGrids() {
        final QuarticDoubleWell well = QuarticDoubleWell.of(8);
        final KeyframeProtocol p = KeyframeProtocol.fourStep(1, 0, 4);
        assertThrows(IllegalArgumentException.class, () -> FokkerPlanckSolver.solve(well, p, TargetWell.RIGHT, 5, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> FokkerPlanckSolver.solve(well, p, TargetWell.RIGHT, 500, 0));
    }

    @Test
    void exponentialFittingRatesAreAccurateEverywhere() {
        // Against B(z) = z/expm1(z) (expm1 is accurate to 1 ulp): both branches, both signs, and the
        // steep uphill rates where B(z) + z would cancel.
        final double[] up = new double[1];
        final double[] down = new double[1];
        for (double z = -700; z <= 700; z += 0.0137) {
            ScharfetterGummel.rates(z, 1, up, down, 0);
            final double bz = z == 0 ? 1 : z / Math.expm1(z);
            final double bmz = z == 0 ? 1 : -z / Math.expm1(-z);
            assertEquals(1, up[0] / bz, 2e-15, "B(" + z + ")");
            assertEquals(1, down[0] / bmz, 2e-15, "B(-" + z + ")");
        }
        ScharfetterGummel.rates(0, 3, up, down, 0);
        assertEquals(3, up[0], 0);
        assertEquals(3, down[0], 0);
    }

    @Test
    void gridRatesMatchTheBernoulliFunction() {
        // The vectorised grid version (signed series, then the exponential form) against z/expm1(z)
        // on a grid whose face differences sweep both signs and both branches.
        final int n = 102_200;
        final double[] u = new double[n];
        for (int i = 1; i < n; i++) {
            u[i] = u[i - 1] + (i % 2 == 0 ? 1 : -1) * (0.0137 * (i / 2) - 700);
        }
        final double[] up = new double[n - 1];
        final double[] down = new double[n - 1];
        ScharfetterGummel.rates(u, 2.5, up, down, n, new double[n]);
        for (int i = 0; i < n - 1; i++) {
            final double z = u[i + 1] - u[i];
            final double bz = z == 0 ? 1 : z / Math.expm1(z);
            final double bmz = z == 0 ? 1 : -z / Math.expm1(-z);
            assertEquals(1, up[i] / (2.5 * bz), 4e-15, "B(" + z + ")");
            assertEquals(1, down[i] / (2.5 * bmz), 4e-15, "B(-" + z + ")");
        }
    }

    @Test
    void tiltedRatesMatchTheBernoulliFunctionWhateverWasCached() {
        // The rates of a tilt-linear potential from zero-tilt differences a_i and the tilt's share fh, with the steep
        // faces' exponentials cached per face, against B(z) = z/expm1(z) at z = a_i - fh computed in 60 digits:
        // differences sweeping both signs and both branches, up to 800 (beyond the cached factors' range), at tilts
        // that move faces across the branch boundary and change their sign. And the rates must be the same bit for
        // bit with the cache filled by earlier calls at other tilts as with an empty one: a solve's numbers may not
        // depend on which steps came before (a run and its refinement, split or in lockstep).
        final int n = 2 * 58_400 + 1;
        final double[] a = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            a[i] = (i % 2 == 0 ? 1 : -1) * (0.0137 * (i / 2) - 0.3);
        }
        final double[] up = new double[n - 1];
        final double[] down = new double[n - 1];
        final double[] warmMinus = notYetComputed(n);
        final double[] warmPlus = notYetComputed(n);
        final java.math.MathContext mc = new java.math.MathContext(40);
        for (double fh : new double[] {41.3, 0.37, -2.9, 0}) {
            ScharfetterGummel.ratesTilted(a, fh, 2.5, up, down, n, warmMinus, warmPlus);
            final double[] coldUp = new double[n - 1];
            final double[] coldDown = new double[n - 1];
            ScharfetterGummel.ratesTilted(a, fh, 2.5, coldUp, coldDown, n, notYetComputed(n), notYetComputed(n));
            assertTrue(java.util.Arrays.equals(up, coldUp) && java.util.Arrays.equals(down, coldDown),
                    "rates at fh = " + fh + " depend on the cache");
            for (int i = 0; i < n - 1; i++) {
                final double z = new java.math.BigDecimal(a[i]).subtract(new java.math.BigDecimal(fh), mc).doubleValue();
                final double bz = bernoulli(z);
                final double bmz = bernoulli(-z);
                // z itself is rounded here, by up to half an ulp: e^{-|z|} then moves by up to |z| 2^-53 relative,
                // which the product of exact factors e^{-a} e^{fh} does not see
                final double tol = 4e-15 + Math.abs(z) * 0x1p-52;
                if (Math.min(bz, bmz) >= 1e-300) {
                    assertEquals(1, up[i] / (2.5 * bz), tol, "B(" + z + ") at fh = " + fh);
                    assertEquals(1, down[i] / (2.5 * bmz), tol, "B(-" + z + ") at fh = " + fh);
                } else {                    // the uphill rate beyond the normal range: zero to within it
                    assertEquals(2.5 * bz, up[i], 1e-300, "B(" + z + ") at fh = " + fh);
                    assertEquals(2.5 * bmz, down[i], 1e-300, "B(-" + z + ") at fh = " + fh);
                }
            }
        }
    }

    @Test
    void tiltLinearRatesGiveTheSolveOfTheGenericOnes() {
        // The solver takes a tilt-linear potential's rates from zero-tilt differences and cached exponentials; the same
        // well hidden behind a potential that does not declare itself tilt-linear takes every rate from the full
        // energies. A violent erasure on a coarse grid (E_b = 40 kT, F up to 150 kT, 240 cells: most faces steep while
        // tilted, the tilt-only phases reusing the exponentials of the barrier's steps) must give the same <W>, heat,
        // eps and final density to rounding. Exponentials kept across a change of the barrier would be off by up to
        // the change of ΔU over the phase; second order in time, so each step's rates are met at two step sizes.
        final QuarticDoubleWell w = QuarticDoubleWell.of(40);
        final org.erasure.physics.Potential generic = new org.erasure.physics.Potential() {
            public double energy(double x, double c0, double c1) {
                return w.energy(x, c0, c1);
            }

            public double force(double x, double c0, double c1) {
                return w.force(x, c0, c1);
            }

            public double curvature(double x, double c0, double c1) {
                return w.curvature(x, c0, c1);
            }

            public double energyLowerBound(double a, double b, double c0, double c1) {
                return w.energyLowerBound(a, b, c0, c1);
            }

            public double barrierPosition(double c0, double c1) {
                return w.barrierPosition(c0, c1);
            }

            public void validateControls(double c0, double c1) {
                w.validateControls(c0, c1);
            }

            public String[] controlNames() {
                return w.controlNames();
            }

            public double[] confiningInterval(double c0, double c1) {
                return w.confiningInterval(c0, c1);
            }
        };
        final KeyframeProtocol p = KeyframeProtocol.fourStep(0.3, 0.3, 150);
        final FokkerPlanckResult fast = FokkerPlanckSolver.solveSecondOrder(w, p, TargetWell.RIGHT, 240, 1e-3);
        final FokkerPlanckResult plain = FokkerPlanckSolver.solveSecondOrder(generic, p, TargetWell.RIGHT, 240, 1e-3);
        assertTrue(fast.error() > 0 && fast.error() < 1e-20, "a reliable erasure: eps = " + fast.error());
        assertEquals(plain.meanWork(), fast.meanWork(), 1e-11 * Math.abs(plain.meanWork()), "<W>");
        assertEquals(plain.meanHeat(), fast.meanHeat(), 1e-11 * Math.abs(plain.meanHeat()), "heat");
        assertEquals(1, fast.error() / plain.error(), 1e-9, "eps");
        final double[] a = fast.finalDensity();
        final double[] b = plain.finalDensity();
        for (int i = 0; i < a.length; i++) {
            if (b[i] > 1e-200) {
                assertEquals(1, a[i] / b[i], 1e-9, "density at cell " + i);
            }
        }
    }

    @Test
    void landscapeRatesDoNotDependOnTheStepsBefore() {
        // The landscape of a solve keeps the zero-tilt differences and exponentials of one barrier factor g across
        // calls. Walking through a four-step protocol (barrier steps, where g changes every call, and tilt-only steps,
        // where it repeats), every call's rates must be bit for bit those of a fresh landscape at that time, and match
        // the generic rates from the full energies to rounding.
        final QuarticDoubleWell w = QuarticDoubleWell.of(40);
        final KeyframeProtocol p = KeyframeProtocol.fourStep(0.3, 0.3, 150);
        final CellGrid g = CellGrid.of(w, p, 240);
        final int n = g.n();
        final double xMax = Math.max(Math.abs(g.centres()[0]), Math.abs(g.centres()[n - 1]));
        final RateLandscape walked = new RateLandscape(w, p, g);
        final double[] u = new double[n];
        final double[] up = new double[n - 1];
        final double[] down = new double[n - 1];
        final double[] freshU = new double[n];
        final double[] freshUp = new double[n - 1];
        final double[] freshDown = new double[n - 1];
        final double[] plainUp = new double[n - 1];
        final double[] plainDown = new double[n - 1];
        int steep = 0;
        for (int k = 1; k <= 300; k++) {
            walked.at(k * 1e-3, 1e-3, u, up, down);
            new RateLandscape(w, p, g).at(k * 1e-3, 1e-3, freshU, freshUp, freshDown);
            assertTrue(java.util.Arrays.equals(up, freshUp) && java.util.Arrays.equals(down, freshDown),
                    "step " + k + ": the rates depend on the steps before");
            ScharfetterGummel.rates(u, 1 / (g.h() * g.h()), plainUp, plainDown, n, new double[n]);
            for (int i = 0; i < n - 1; i++) {
                final double z = u[i + 1] - u[i];
                steep += Math.abs(z) >= 0.5 ? 1 : 0;
                // z from the full energies carries their rounding and that of F x_i: the centres, left + (i + 1/2) h,
                // are not exactly h apart but off by up to an ulp of the grid's edge. Up to 2^-52 (|u_i| + |u_i+1| +
                // 2 F max|x|); a rate moves by at most 4 times that
                final double dz = 0x1p-52 * (Math.abs(u[i]) + Math.abs(u[i + 1]) + 2 * 150 * xMax);
                final double tol = 4e-15 + 4 * dz;
                if (plainDown[i] > 1e-300 && plainUp[i] > 1e-300) {
                    assertEquals(1, up[i] / plainUp[i], tol, "up at step " + k + ", face " + i + ", z = " + z);
                    assertEquals(1, down[i] / plainDown[i], tol, "down at step " + k + ", face " + i + ", z = " + z);
                }
            }
        }
        assertTrue(steep > 300 * (n - 1) / 2, "most faces steep: " + steep);
    }

    /** A cache of face factors with none computed yet (NaN). */
    private static double[] notYetComputed(int n) {
        final double[] f = new double[n];
        java.util.Arrays.fill(f, Double.NaN);
        return f;
    }

    /** B(z) = z/(e^z − 1) without overflow: z e^{−z}/(1 − e^{−z}) for z &gt; 0 (expm1 is accurate to 1 ulp). */
    private static double bernoulli(double z) {
        if (z == 0) {
            return 1;
        }
        return z < 0 ? z / Math.expm1(z) : z * Math.exp(-z) / -Math.expm1(-z);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"fused, 400", "twisted, 400", "twisted, 401", "twisted, 4",
            "twisted, 5", "twisted, 6", "twisted, 3"})
    void tridiagonalSolveHasRelativeAccuracyAcrossManyDecades(String solver, int n) {
        // M = I - dt A for a birth-death generator whose rates span 1e-6..1e6, right-hand sides whose
        // entries span 1e-200..1: every entry of the solution must match a 60-digit Thomas solve to
        // relative rounding (the positive-terms-only elimination loses no digits to cancellation), and
        // mass is conserved (columns of M sum to one). Both eliminations (one-ended and twisted), on odd and
        // even sizes down to the smallest the twisted one handles itself (4) and below.
        final java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        final double[] up = new double[n - 1];
        final double[] down = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            up[i] = Math.pow(10, -6 + 12 * rnd.nextDouble());
            down[i] = Math.pow(10, -6 + 12 * rnd.nextDouble());
        }
        final double dt = 0.01;
        final double[] p = new double[n];
        final double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = Math.pow(10, -200.0 * i / n);
            q[i] = Math.pow(10, -200.0 * (n - 1 - i) / n);
        }
        final double[] pExact = thomas60(up, down, dt, p);
        final double[] qExact = thomas60(up, down, dt, q);
        final double massP = sum(p);
        final double massQ = sum(q);
        if (solver.equals("fused")) {
            PositiveTridiagonal.solve2Fused(up, down, dt, n, p, q, new double[4][n]);
        } else {
            PositiveTridiagonal.solve2Twisted(up, down, dt, n, p, q, new double[4][n]);
        }
        for (int i = 0; i < n; i++) {
            assertEquals(1, p[i] / pExact[i], 1e-12, "p at " + i);
            assertEquals(1, q[i] / qExact[i], 1e-12, "q at " + i);
        }
        assertEquals(1, sum(p) / massP, 1e-13, "mass of p");
        assertEquals(1, sum(q) / massQ, 1e-13, "mass of q");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"4, true", "5, true", "6, false", "7, true", "400, true",
            "401, false", "3, true"})
    void jumpSumsFromTheEliminationLoopCoverEveryCell(int n, boolean two) {
        // The twisted solve sums the control jump's <U> before and after, and its positive part, over the densities
        // it is about to relax, in its elimination loop. Each sum must match the same sum in 60-digit arithmetic to
        // rounding, for odd and even sizes (a cell left out or counted twice would be off by its share, here at
        // least 1e-3 of the total), one density or two, and sums at equal energies must cancel to the bit.
        final java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        final double[] up = new double[Math.max(1, n - 1)];
        final double[] down = new double[Math.max(1, n - 1)];
        final double[] p = new double[n];
        final double[] q = two ? new double[n] : null;
        final double[] u = new double[n];
        final double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = 1 + rnd.nextDouble();
            if (two) {
                q[i] = 1 + rnd.nextDouble();
            }
            u[i] = 10 * rnd.nextDouble() - 5;
            v[i] = 10 * rnd.nextDouble() - 5;
        }
        for (int i = 0; i < n - 1; i++) {
            up[i] = rnd.nextDouble();
            down[i] = rnd.nextDouble();
        }
        final java.math.MathContext mc = new java.math.MathContext(60);
        java.math.BigDecimal jump = java.math.BigDecimal.ZERO;
        java.math.BigDecimal before = java.math.BigDecimal.ZERO;
        java.math.BigDecimal gross = java.math.BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            final java.math.BigDecimal pi = new java.math.BigDecimal(p[i]).add(new java.math.BigDecimal(two ? q[i] : 0));
            jump = jump.add(pi.multiply(new java.math.BigDecimal(u[i])), mc);
            before = before.add(pi.multiply(new java.math.BigDecimal(v[i])), mc);
            gross = gross.add(pi.multiply(new java.math.BigDecimal(Math.max(0, u[i] - v[i]))), mc);
        }
        final double[] out = new double[3];
        PositiveTridiagonal.solve2Twisted(up, down, 0.1, n, p.clone(), two ? q.clone() : null, new double[4][n], u, v,
                out);
        final double scale = 10.0 * n;                  // the sums' magnitude: the densities' mass times max |U|
        assertEquals(jump.doubleValue(), out[0], 1e-14 * scale, "sum of p u");
        assertEquals(gross.doubleValue(), out[1], 1e-14 * scale, "sum of p max(0, u - v)");
        assertEquals(before.doubleValue(), out[2], 1e-14 * scale, "sum of p v");
        PositiveTridiagonal.solve2Twisted(up, down, 0.1, n, p.clone(), two ? q.clone() : null, new double[4][n], u, u,
                out);
        assertEquals(out[0], out[2], 0.0, "equal energies: the sums cancel exactly");
        assertEquals(0.0, out[1], 0.0, "equal energies: no positive part");
    }

    /** (I − dt A) x = b by Thomas elimination in 60-digit decimal arithmetic. */
    private static double[] thomas60(double[] up, double[] down, double dt, double[] b) {
        final java.math.MathContext mc = new java.math.MathContext(60);
        final int n = b.length;
        final java.math.BigDecimal[] diag = new java.math.BigDecimal[n];
        final java.math.BigDecimal[] rhs = new java.math.BigDecimal[n];
        for (int i = 0; i < n; i++) {
            diag[i] = java.math.BigDecimal.ONE.add(new java.math.BigDecimal(dt).multiply(
                    new java.math.BigDecimal(i < n - 1 ? up[i] : 0).add(new java.math.BigDecimal(i > 0 ? down[i - 1] : 0)), mc), mc);
            rhs[i] = new java.math.BigDecimal(b[i]);
        }
        // row i: diag_i x_i − dt·up[i−1] x_{i−1} − dt·down[i] x_{i+1} = b_i
        for (int i = 1; i < n; i++) {
            final java.math.BigDecimal sub = new java.math.BigDecimal(dt).multiply(new java.math.BigDecimal(up[i - 1]), mc);
            final java.math.BigDecimal sup = new java.math.BigDecimal(dt).multiply(new java.math.BigDecimal(down[i - 1]), mc);
            final java.math.BigDecimal m = sub.divide(diag[i - 1], mc);
            diag[i] = diag[i].subtract(m.multiply(sup, mc), mc);
            rhs[i] = rhs[i].add(m.multiply(rhs[i - 1], mc), mc);
        }
        final double[] x = new double[n];
        java.math.BigDecimal next = rhs[n - 1].divide(diag[n - 1], mc);
        x[n - 1] = next.doubleValue();
        for (int i = n - 2; i >= 0; i--) {
            final java.math.BigDecimal sup = new java.math.BigDecimal(dt).multiply(new java.math.BigDecimal(down[i]), mc);
            next = rhs[i].add(sup.multiply(next, mc), mc).divide(diag[i], mc);
            x[i] = next.doubleValue();
        }
        return x;
    }
}
