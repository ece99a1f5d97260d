package org.erasure.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.erasure.physics.ErasureBounds;

/**
 * The verdict table (SPEC 5, experiment 5): each claim, the test, the measured numbers, and what they
 * support, decided by fixed numerical criteria stated in each row, whatever anyone expected.
 */
final class Verdicts {

    /** Within this of kT[ln2 − H(ε)] (kT) the work counts as having approached the bound. */
    static final double NEAR_BOUND_KT = 0.1;

    private Verdicts() {
    }

    static List<Rows.Verdict> rows(ClaimsSettings s, Rows.ApproachFit fit, List<Rows.Frontier> frontier,
                                   Rows.FrontierCheck check, Rows.AmsCheck ams, List<Rows.Storing> storing,
                                   List<Rows.Speed> speed,
                                   List<String> faults) {
        final List<Rows.Verdict> rows = new ArrayList<>();
        if (!faults.isEmpty()) {
            rows.add(new Rows.Verdict("all", "bounds respected by every computed protocol", String.join("; ", faults),
                    "NUMERICAL FAULT: a result fell below a thermodynamic bound, so the numbers below are not "
                            + "trustworthy; refine the grid (fokker_planck.cells, time_steps)"));
        }

        // Claim A, experiment 1
        final double wInf = fit.fit().wInf();
        final double wInfErr = fit.fit().wInfError();
        final double boundLong = fit.boundAtLongest();
        final boolean near = Math.abs(wInf - boundLong) <= Math.max(3 * wInfErr, NEAR_BOUND_KT);
        rows.add(new Rows.Verdict("A (kT ln 2 reachable)",
                "exp. 1: fixed four-step protocol, <W>(tau) fitted by W_inf + B/tau",
                String.format(Locale.ROOT, "W_inf = %.4f +- %.4f kT (B = %.3g kT tau_D); kT[ln2 - H(eps)] = %.4f kT at "
                                + "eps = %.3g (longest tau)", wInf, wInfErr, fit.fit().b(), boundLong,
                        fit.errorAtLongest()),
                near ? "supports A: the work tends to the generalized Landauer bound as tau grows"
                        : "does not support A for this protocol: W_inf differs from the bound by "
                        + String.format(Locale.ROOT, "%.3f kT", wInf - boundLong)));

        // Claim A, high reliability
        final double epsMin = s.frontierErrors().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        final List<Rows.Frontier> strict = frontier.stream().filter(r -> r.targetError() == epsMin && r.feasible())
                .sorted(Comparator.comparingDouble(Rows.Frontier::tau)).toList();
        if (strict.isEmpty()) {
            rows.add(new Rows.Verdict("A (kT ln 2 reachable)", "exp. 2: minimal <W> at eps <= " + epsMin,
                    "no protocol of the family reached the target", "undecided: the optimiser found no feasible protocol"));
        } else {
            final Rows.Frontier slow = strict.get(strict.size() - 1);
            final double w = slow.fp().meanWork();
            final double excess = slow.fp().excessOverLandauer();
            final StringBuilder series = new StringBuilder();
            for (Rows.Frontier r : strict) {
                series.append(String.format(Locale.ROOT, "%s%.4f kT at tau = %s", series.length() == 0 ? "" : ", ",
                        r.fp().meanWork(), ClaimsRunner.fmt(r.tau())));
            }
            rows.add(new Rows.Verdict("A (kT ln 2 reachable)", "exp. 2 and 4: minimal <W> over protocols at eps <= "
                    + epsMin, series + String.format(Locale.ROOT, "; kT ln 2 = %.4f kT", Math.log(2)),
                    excess <= NEAR_BOUND_KT
                            ? String.format(Locale.ROOT, "supports A: at eps = %.3g the bit is erased for %.3f kT, "
                            + "within %.2f kT of kT ln 2, by paying with time (tau = %s tau_D)", slow.fp().errorRate(), w,
                            NEAR_BOUND_KT, ClaimsRunner.fmt(slow.tau()))
                            : String.format(Locale.ROOT, "partly: the work falls with tau but is still %.3f kT above "
                            + "the bound at the longest tau tried", excess)));
        }

        // Claim B
        final double lnInv = ErasureBounds.logInverseError(epsMin);
        if (!strict.isEmpty()) {
            final double maxRatio = strict.stream().mapToDouble(r -> r.fp().meanWork() / lnInv).max().orElseThrow();
            final double tauStar = speed.stream().filter(r -> r.targetError() == epsMin).findFirst()
                    .map(Rows.Speed::tauWhereWorkReachesLogInverseError).orElse(Double.NaN);
            final String where = Double.isFinite(tauStar)
                    ? String.format(Locale.ROOT, "; extrapolating W_inf + B/tau, the minimal work would reach kT ln(1/eps) "
                    + "only for tau below about %.3g tau_D", tauStar) : "";
            rows.add(new Rows.Verdict("B (~kT ln(1/eps) needed)", "exp. 2 and 4: minimal <W> at eps <= " + epsMin
                    + " against kT ln(1/eps)",
                    String.format(Locale.ROOT, "kT ln(1/eps) = %.2f kT; largest ratio <W>_min / kT ln(1/eps) over the "
                            + "durations tried = %.3f%s", lnInv, maxRatio, where),
                    maxRatio < 0.5
                            ? "contradicts B at every duration tried: reliable erasure costs a small fraction of "
                            + "kT ln(1/eps); B can hold only for very fast protocols"
                            : "supports B at the shortest durations tried (the minimal work is comparable to kT ln(1/eps))"));
        }
        if (!storing.isEmpty()) {
            final StringBuilder m = new StringBuilder();
            for (Rows.Storing r : storing) {
                if (r.erase() != null) {
                    m.append(String.format(Locale.ROOT, "%seps = %.3g: holding %.3g tau_D needs E_b = %.2f kT (kT ln(1/eps) = "
                                    + "%.2f kT), erasing into that well costs %.3f kT", m.length() == 0 ? "" : "; ",
                            r.errorRate(), r.holdTime(), r.barrierNeeded(), r.logInverseError(),
                            r.erase().fp().meanWork()));
                }
            }
            rows.add(new Rows.Verdict("B (~kT ln(1/eps) needed)", "exp. 3: barrier needed to store the bit vs work to "
                    + "erase it", m.toString(), "the ln(1/eps) scale belongs to the barrier that keeps a stored bit (a "
                    + "height of the potential, not dissipated), while erasure into that well dissipates little more "
                    + "than kT ln 2 when slow enough"));
        }
        if (check != null) {
            final Rows.MonteCarloCheck mc = check.mc();
            rows.add(new Rows.Verdict("engines", "exp. 2: Monte Carlo confirms the Fokker-Planck frontier where sampling "
                    + "resolves eps",
                    String.format(Locale.ROOT, "FP: <W> = %.4f kT, eps = %.4g; MC (%d trajectories): <W> = %.4f +- %.4f kT, "
                                    + "eps = %.4g [%.3g, %.3g]", check.fp().meanWork(), check.fp().errorRate(),
                            mc.trajectories(), mc.meanWork(), mc.workStderr(), mc.error().rate(), mc.error().low(),
                            mc.error().high()),
                    mc.agrees() ? "consistent (work within 4 s.e., FP eps inside the MC interval)"
                            : "INCONSISTENT: the engines disagree beyond sampling error"));
        }
        if (ams != null) {
            rows.add(new Rows.Verdict("engines", "exp. 2: adaptive multilevel splitting, independent of the "
                    + "Fokker-Planck solver, confirms the frontier deep in the tail (eps <= " + ams.targetError()
                    + " at tau = " + ClaimsRunner.fmt(ams.tau()) + ")",
                    String.format(Locale.ROOT, "FP: eps = %.4g +- %.1g (numerical); AMS (%d replicas, %d repetitions per "
                                    + "bit value, %s score): eps = %.4g +- %.2g [%.3g, %.3g]", ams.fp().errorRate(),
                            ams.fp().errorRateError(), ams.ams().replicas(), ams.ams().repetitions(), ams.ams().score(),
                            ams.ams().errorRate(), ams.ams().standardError(), ams.ams().ciLow(), ams.ams().ciHigh()),
                    ams.agrees() ? "consistent (FP eps within the AMS 99 % interval): two independent methods agree "
                            + "on the tail probability" : "INCONSISTENT: the engines disagree beyond sampling error"));
        }
        rows.add(new Rows.Verdict("scope", "what the model leaves out",
                "one overdamped coordinate in a prescribed potential at 300 K; work is what the potential does on the "
                        + "particle",
                "not included: the energy the controller, lasers or electronics spend to change the potential, "
                        + "measurement and feedback, heating of the apparatus, quantum effects; claims about whole "
                        + "devices need those costs added"));
        return rows;
    }
}
