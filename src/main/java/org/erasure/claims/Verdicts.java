package org.erasure.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.erasure.config.ClaimsSettings;
import org.erasure.physics.ErasureBounds;

/**
 * The verdict table (SPEC 5, experiment 7): each claim, the test, the measured numbers, and what they
 * support, decided by fixed numerical criteria stated in each row, whatever anyone expected.
 */
final class Verdicts {

    /** Within this of kT[ln2 − H(ε)] (kT) the work counts as having approached the bound. */
    static final double NEAR_BOUND_KT = 0.1;

    /** A protocol class supports claim B where its minimal work is at least this fraction of kT ln(1/ε). */
    static final double CLASS_B_RATIO = 0.8;

    private Verdicts() {
    }

    static List<Rows.Verdict> rows(ClaimsSettings s, Rows.ApproachFit fit, List<Rows.Frontier> frontier,
                                   Rows.FrontierCheck check, Rows.AmsCheck ams, List<Rows.Storing> storing,
                                   List<Rows.Speed> speed, List<Rows.Crossover> crossover,
                                   List<Rows.Crossover> richCrossover, List<Rows.ClassPoint> classes,
                                   List<Rows.Controller> controller,
                                   List<String> faults) {
        final List<Rows.Verdict> rows = new ArrayList<>();
        if (!faults.isEmpty()) {
            rows.add(new Rows.Verdict("all", "bounds respected by every computed protocol", String.join("; ", faults),
                    Rows.Stance.FAULT, "NUMERICAL FAULT: a result fell below a thermodynamic bound, so the numbers below are not "
                            + "trustworthy; refine the grid (fokker_planck.cells, time_steps)"));
        }

        // Claim A, experiment 1
        final double wInf = fit.fit().wInf();
        final double wInfErr = fit.fit().wInfError();
        final double boundLong = fit.boundAtLongest();
        final boolean near = Math.abs(wInf - boundLong) <= Math.max(3 * wInfErr, NEAR_BOUND_KT);
        rows.add(new Rows.Verdict("A (kT ln 2 reachable)",
                "exp. 1: fixed four-step protocol, <W>(tau) fitted by W_inf + B/tau",
                String.format(Locale.ROOT, "W_inf = %.4f +- %.4f kT (B = %.3g +- %.2g kT tau_D, fit errors); "
                                + "kT[ln2 - H(eps)] = %.4f kT at eps = %.3g (longest tau)", wInf, wInfErr, fit.fit().b(),
                        fit.fit().bError(), boundLong, fit.errorAtLongest()),
                near ? Rows.Stance.SUPPORTS : Rows.Stance.PARTLY,
                near ? "supports A: the work tends to the generalized Landauer bound as tau grows"
                        : "does not support A for this protocol: W_inf differs from the bound by "
                        + String.format(Locale.ROOT, "%.3f +- %.3f kT", wInf - boundLong, wInfErr))
                        .withData("approach.csv approach_fit.csv"));

        // Claim A, high reliability
        final double epsMin = s.frontierErrors().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        final List<Rows.Frontier> strict = frontier.stream().filter(r -> r.targetError() == epsMin && r.feasible())
                .sorted(Comparator.comparingDouble(Rows.Frontier::tau)).toList();
        if (strict.isEmpty()) {
            rows.add(new Rows.Verdict("A (kT ln 2 reachable)", "exp. 2: minimal <W> at eps <= " + ClaimsReport.fmt(epsMin),
                    "no protocol of the family reached the target", Rows.Stance.UNDECIDED,
                    "undecided: the optimiser found no feasible protocol").withData("frontier.csv"));
        } else {
            final Rows.Frontier slow = strict.get(strict.size() - 1);
            final double w = slow.fp().meanWork();
            final double excess = slow.fp().excessOverLandauer();
            final StringBuilder series = new StringBuilder();
            for (Rows.Frontier r : strict) {
                series.append(String.format(Locale.ROOT, "%s%.4f +- %.1g kT at tau = %s", series.length() == 0 ? "" : ", ",
                        r.fp().meanWork(), r.fp().meanWorkError(), ClaimsRunner.fmt(r.tau())));
            }
            rows.add(new Rows.Verdict("A (kT ln 2 reachable)", "exp. 2 and 4: minimal <W> over protocols at eps <= "
                    + ClaimsReport.fmt(epsMin), series + String.format(Locale.ROOT, " (numerical errors; each the least "
                    + "work the optimiser found, an upper bound of the minimum); kT ln 2 = %.4f kT", Math.log(2)),
                    excess <= NEAR_BOUND_KT ? Rows.Stance.SUPPORTS : Rows.Stance.PARTLY,
                    excess <= NEAR_BOUND_KT
                            ? String.format(Locale.ROOT, "supports A: at eps = %.3g the bit is erased for %.3f +- %.1g "
                            + "kT, within %.2f kT of kT ln 2, by paying with time (tau = %s tau_D)", slow.fp().errorRate(),
                            w, slow.fp().meanWorkError(), NEAR_BOUND_KT, ClaimsRunner.fmt(slow.tau()))
                            : String.format(Locale.ROOT, "partly: the work falls with tau but is still %.3f +- %.1g kT "
                            + "above the bound at the longest tau tried", excess, slow.fp().excessOverLandauerError()))
                            .withData("frontier.csv"));
        }

        // Claim B, speed: the duration where the minimal work crosses kT ln(1/eps), measured
        final double lnInv = ErasureBounds.logInverseError(epsMin);
        if (!strict.isEmpty()) {
            final StringBuilder ratios = new StringBuilder();
            for (Rows.Frontier r : strict) {
                ratios.append(String.format(Locale.ROOT, "%s%.3g +- %.1g at tau = %s", ratios.length() == 0 ? "" : ", ",
                        r.fp().meanWork() / lnInv, r.fp().meanWorkError() / lnInv, ClaimsRunner.fmt(r.tau())));
            }
            final Rows.Crossover c = crossover.stream().filter(r -> r.targetError() == epsMin).findFirst().orElse(null);
            final boolean found = c != null && Double.isFinite(c.tauStar());
            final String cross = found ? String.format(Locale.ROOT, "; <W>_min = kT ln(1/eps) at tau* = %.3g tau_D, "
                    + "interpolated inside the measured bracket (%.4g +- %.1g kT at tau = %.3g, %.4g +- %.1g kT at "
                    + "tau = %.3g), and an upper bound: the tau* of the protocols found", c.tauStar(),
                    c.workLow(), c.workLowError(), c.tauLow(), c.workHigh(), c.workHighError(), c.tauHigh()) : c == null ? "" : "; " + c.note();
            // the rich family's crossover, where it ran (claims-rich.yaml): the best protocols found, where lower
            final Rows.Crossover rc = richCrossover.stream()
                    .filter(r -> r.targetError() == epsMin && Double.isFinite(r.tauStar())).findFirst().orElse(null);
            final boolean richLower = found && rc != null && rc.tauStar() < c.tauStar();
            final String richMeasured = rc == null ? "" : String.format(Locale.ROOT, "; the spline family "
                    + "(frontier_rich.csv, crossover_rich.csv): tau* = %.3g tau_D, inside the bracket %.3g to %.3g "
                    + "tau_D",
                    rc.tauStar(), rc.tauLow(), rc.tauHigh());
            final Rows.Frontier fastest = strict.get(0);
            final Rows.Frontier slowest = strict.get(strict.size() - 1);
            rows.add(new Rows.Verdict("B (~kT ln(1/eps) needed)", "exp. 2 and 4: minimal <W> at eps <= " + ClaimsReport.fmt(epsMin)
                    + " against kT ln(1/eps), durations " + ClaimsRunner.fmt(fastest.tau()) + " to "
                    + ClaimsRunner.fmt(slowest.tau()) + " tau_D",
                    String.format(Locale.ROOT, "kT ln(1/eps) = %.2f kT; <W>_min / kT ln(1/eps) = %s%s%s%s", lnInv,
                            ratios, cross, richMeasured, fullControlMeasured(c)),
                    found ? Rows.Stance.PARTLY : slowest.fp().meanWork() >= lnInv ? Rows.Stance.SUPPORTS
                            : fastest.fp().meanWork() < lnInv ? Rows.Stance.CONTRADICTS : Rows.Stance.UNDECIDED,
                    found ? String.format(Locale.ROOT, "B holds only for erasures faster than about %.2g tau_D (the "
                            + "crossover of %s; a better protocol could only move it to shorter tau): there the minimal "
                            + "work exceeds kT ln(1/eps) (it grows as 1/tau); slower, reliable erasure costs less and "
                            + "approaches kT ln 2%s", (richLower ? rc : c).tauStar(), richLower
                            ? String.format(Locale.ROOT, "the best protocols found, the spline family's, within the "
                            + "bracket %.3g to %.3g tau_D; the four-step family's is %.2g", rc.tauLow(), rc.tauHigh(),
                            c.tauStar())
                            : String.format(Locale.ROOT, "the protocols found, within the bracket %.3g to %.3g tau_D",
                            c.tauLow(), c.tauHigh()), fullControlSentence(c))
                            : slowest.fp().meanWork() >= lnInv ? "supports B at every duration tried"
                            : fastest.fp().meanWork() < lnInv ? "contradicts B at every duration tried"
                            : "undecided: see the note")
                            .withData("frontier.csv speed.csv crossover.csv full_control.csv"
                                    + (rc == null ? "" : " frontier_rich.csv crossover_rich.csv")));
        }
        // Claim B, protocol classes at equal storage (exp. 5)
        for (String cls : List.of(ClaimsRunner.FIXED_BARRIER, ClaimsRunner.BARRIER_LOWERING)) {
            final List<Rows.ClassPoint> pts = classes.stream().filter(c -> c.protocolClass().equals(cls)).toList();
            if (pts.isEmpty()) {
                continue;
            }
            final StringBuilder m = new StringBuilder();
            double minRatio = Double.POSITIVE_INFINITY;
            double maxRatio = 0;
            boolean allFeasible = true;
            for (Rows.ClassPoint c : pts) {
                m.append(String.format(Locale.ROOT, "%seps <= %.3g, tau = %s: <W> = %.4g +- %.1g kT (%.3g x kT ln(1/eps))",
                        m.length() == 0 ? "" : "; ", c.targetError(), ClaimsRunner.fmt(c.tau()), c.fp().meanWork(),
                        c.fp().meanWorkError(), c.fp().meanWork() / c.logInverseError()));
                minRatio = Math.min(minRatio, c.fp().meanWork() / c.logInverseError());
                maxRatio = Math.max(maxRatio, c.fp().meanWork() / c.logInverseError());
                allFeasible &= c.feasible();
            }
            final Rows.ClassPoint slow = pts.stream().max(Comparator.comparingDouble(Rows.ClassPoint::tau)
                    .thenComparingDouble(Rows.ClassPoint::targetError)).orElseThrow();
            final String verdict;
            final Rows.Stance stance;
            if (!allFeasible) {
                stance = Rows.Stance.UNDECIDED;
                verdict = "undecided: the optimiser missed a target (see classes.csv)";
            } else if (minRatio >= CLASS_B_RATIO) {
                stance = Rows.Stance.SUPPORTS;
                verdict = String.format(Locale.ROOT, "supports B for the %s class: every minimal <W> is at least %.1f x "
                        + "kT ln(1/eps) (the bit must be pushed over a barrier that is never lowered)", cls, CLASS_B_RATIO);
            } else if (maxRatio < CLASS_B_RATIO) {
                stance = Rows.Stance.CONTRADICTS;
                verdict = String.format(Locale.ROOT, "contradicts B for the %s class: the minimal <W> stays below %.1f x "
                        + "kT ln(1/eps) at every point; at tau = %s it is %.4f kT, %.3f kT above kT ln 2", cls,
                        CLASS_B_RATIO, ClaimsRunner.fmt(slow.tau()), slow.fp().meanWork(),
                        slow.fp().meanWork() - Math.log(2));
            } else {
                stance = Rows.Stance.PARTLY;
                verdict = "B holds for the " + cls + " class at some points only (see classes.csv)";
            }
            rows.add(new Rows.Verdict("B (~kT ln(1/eps) needed)", String.format(Locale.ROOT, "exp. 5: %s protocols at "
                            + "equal storage (final barrier keeps the bit %.3g tau_D at eps/2; eps judged after that hold)",
                    cls, s.classHoldTime()), m.toString(), stance, verdict).withData("classes.csv"));
        }
        // The controller's energy (exp. 5)
        if (!controller.isEmpty()) {
            double plusLo = Double.POSITIVE_INFINITY;
            double plusHi = 0;
            double etaHi = 0;
            Rows.Controller least = null;           // the protocol that needs the least recovery: what the claim asks
            boolean unreachable = false;
            for (Rows.Controller c : controller) {
                plusLo = Math.min(plusLo, c.point().fp().meanWorkPlus());
                plusHi = Math.max(plusHi, c.point().fp().meanWorkPlus());
                final double eta = c.efficiencyFor2Ln2();
                if (Double.isNaN(eta)) {
                    unreachable = true;
                } else {
                    etaHi = Math.max(etaHi, eta);
                    if (least == null || eta < least.efficiencyFor2Ln2()) {
                        least = c;
                    }
                }
            }
            final Rows.Controller best = controller.stream()
                    .filter(c -> c.point().protocolClass().equals(ClaimsRunner.BARRIER_LOWERING))
                    .max(Comparator.comparingDouble((Rows.Controller c) -> c.point().tau())
                            .thenComparingDouble(c -> -c.point().targetError())).orElse(controller.get(0));
            rows.add(new Rows.Verdict("controller energy", "exp. 5: gross work W+ (energy put into the potential) and "
                    + "W- (given back) at the protocols of both classes; W_eta = W+ + eta W-",
                    String.format(Locale.ROOT, "W+ = %.3g to %.3g kT; at the slowest barrier-lowering protocol (tau = %s, "
                                    + "eps <= %.3g): W+ = %.3f +- %.1g kT, W- = %.3f +- %.1g kT, W = %.4f +- %.1g kT, eta "
                                    + "needed for W_eta <= 2 kT ln 2: %.4f +- %.1g (numerical errors)", plusLo, plusHi,
                            ClaimsRunner.fmt(best.point().tau()), best.point().targetError(),
                            best.point().fp().meanWorkPlus(), best.point().fp().meanWorkPlusError(),
                            best.point().fp().meanWorkMinus(), best.point().fp().meanWorkMinusError(),
                            best.point().fp().meanWork(), best.point().fp().meanWorkError(), best.efficiencyFor2Ln2(),
                            best.point().fp().efficiencyNeededError(2 * Math.log(2))),
                    Rows.Stance.FINDING,
                    String.format(Locale.ROOT, "the switching energy W+ is of the order of the barrier (tens of kT) even "
                            + "where almost none of it is dissipated: %s%s; with no recovery (eta = 0) every "
                            + "erasure here draws %.3g kT or more", least == null
                                    ? "no protocol here erases below 2 kT ln 2 at any recovery"
                                    : String.format(Locale.ROOT, "an erasure below 2 kT ln 2 needs a controller that "
                                    + "recovers at least %.4f +- %.1g of the energy given back (the least any protocol "
                                    + "here needs: %s, tau = %s, eps <= %.3g; the others need up to %.4f)",
                                    least.efficiencyFor2Ln2(),
                                    least.point().fp().efficiencyNeededError(2 * Math.log(2)),
                                    least.point().protocolClass(), ClaimsRunner.fmt(least.point().tau()),
                                    least.point().targetError(), etaHi),
                            unreachable ? " (the protocols whose <W> itself exceeds 2 kT ln 2, such as the fixed-barrier "
                                    + "ones, stay above it at any eta)" : "", plusLo)).withData("controller.csv"));
        }
        if (!storing.isEmpty()) {
            final StringBuilder m = new StringBuilder();
            for (Rows.Storing r : storing) {
                if (r.erase() != null) {
                    m.append(String.format(Locale.ROOT, "%seps = %.3g: holding %.3g tau_D needs E_b = %.2f +- %.1g kT "
                                    + "(kT ln(1/eps) = %.2f kT), erasing into that well costs %.3f +- %.1g kT",
                            m.length() == 0 ? "" : "; ", r.errorRate(), r.holdTime(), r.barrierNeeded(),
                            r.barrierNeededError(), r.logInverseError(), r.erase().fp().meanWork(),
                            r.erase().fp().meanWorkError()));
                }
            }
            rows.add(new Rows.Verdict("B (~kT ln(1/eps) needed)", "exp. 3: barrier needed to store the bit vs work to "
                    + "erase it", m.toString(), Rows.Stance.FINDING, "the ln(1/eps) scale belongs to the barrier that keeps a stored bit (a "
                    + "height of the potential, not dissipated), while erasure into that well dissipates little more "
                    + "than kT ln 2 when slow enough").withData("storing.csv"));
        }
        if (check != null) {
            final Rows.MonteCarloCheck mc = check.mc();
            rows.add(new Rows.Verdict("engines", "exp. 2: Monte Carlo confirms the Fokker-Planck frontier where sampling "
                    + "resolves eps",
                    String.format(Locale.ROOT, "FP: <W> = %.4f kT, eps = %.4g; MC (%d trajectories): <W> = %.4f +- %.4f kT, "
                                    + "eps = %.4g [%.3g, %.3g]", check.fp().meanWork(), check.fp().errorRate(),
                            mc.trajectories(), mc.meanWork(), mc.workStderr(), mc.error().rate(), mc.error().low(),
                            mc.error().high()) + String.format(Locale.ROOT, "; time-step errors %.2g kT and %.2g",
                            mc.workTimeStepError(), mc.errorTimeStepError()),
                    mc.agrees() ? Rows.Stance.CONSISTENT : Rows.Stance.INCONSISTENT,
                    mc.agrees() ? "consistent (work within its time-step error + 4 s.e., FP eps inside the MC interval at "
                            + "the same confidence, 99.994 %, widened by its time-step error)"
                            : "INCONSISTENT: the engines disagree beyond sampling and time-step error")
                            .withData("frontier_mc_check.csv"));
        }
        if (ams != null) {
            rows.add(new Rows.Verdict("engines", "exp. 2: adaptive multilevel splitting, independent of the "
                    + "Fokker-Planck solver, confirms the frontier deep in the tail (eps <= " + ClaimsReport.fmt(ams.targetError())
                    + " at tau = " + ClaimsRunner.fmt(ams.tau()) + ")",
                    String.format(Locale.ROOT, "FP: eps = %.4g +- %.1g (numerical); AMS (%d replicas, %d repetitions per "
                                    + "bit value, %s score, dt = %.3g tau_D): eps = %.4g +- %.2g (sampling) [%.3g, %.3g], "
                                    + "time-step error %.2g in ln eps (%.4g at %.3g tau_D)", ams.fp().errorRate(),
                            ams.fp().errorRateError(), ams.ams().replicas(), ams.ams().repetitions(), ams.ams().score(),
                            ams.dt(), ams.ams().errorRate(), ams.ams().standardError(), ams.ams().ciLow(),
                            ams.ams().ciHigh(), ams.step().logError(),
                            ams.step().second() == null ? Double.NaN : ams.step().second().errorRate(),
                            ams.step().secondDt()),
                    ams.agrees() ? Rows.Stance.CONSISTENT : Rows.Stance.INCONSISTENT,
                    ams.agrees() ? "consistent (FP eps within the AMS 99 % interval widened by its time-step error): two "
                            + "independent methods agree on the tail probability"
                            : "INCONSISTENT: the engines disagree beyond sampling and time-step error")
                            .withData("frontier_ams_check.csv"));
        }
        rows.add(new Rows.Verdict("scope", "what the model leaves out",
                "one overdamped coordinate in a prescribed potential at 300 K; work is what the potential does on the "
                        + "particle, and W+ (exp. 5) the energy a controller moves into the potential",
                Rows.Stance.SCOPE, "not included: the losses of the lasers or electronics that shape the potential beyond W+, "
                        + "measurement and feedback, heating of the apparatus, quantum effects; claims about whole "
                        + "devices need those costs added"));
        return rows;
    }

    /** The full-control crossover in numbers, for the measured column ("" when none was attached). */
    static String fullControlMeasured(Rows.Crossover c) {
        if (c == null || c.full() == null) {
            return "";
        }
        final Rows.FullControlCrossover f = c.full();
        if (!Double.isFinite(f.tauLow())) {
            return "; full control (any potential, E_b = " + ClaimsRunner.fmt(f.barrier()) + " kT): " + f.note();
        }
        return String.format(Locale.ROOT, "; full control (any potential starting and ending at the E_b = %s kT well): "
                        + "W_min = kT ln(1/eps) at tau_low = %.4g +- %.1g tau_D%s", ClaimsRunner.fmt(f.barrier()),
                f.tauLow(), f.tauLowError(), Double.isFinite(f.workAtTauStar()) ? String.format(Locale.ROOT,
                        ", W_min(tau*) = %.4g +- %.1g kT", f.workAtTauStar(), f.workAtTauStarError()) : "");
    }

    /** What the full-control crossover adds to the verdict on B, as a clause ("" when there is none). */
    static String fullControlSentence(Rows.Crossover c) {
        if (c == null || c.full() == null || !Double.isFinite(c.full().tauLow())) {
            return "";
        }
        return String.format(Locale.ROOT, ". Over all protocols (the full-control optimum, any potential), B holds "
                + "only below tau_low = %.3g tau_D; between tau_low and tau* some protocol erases for less than "
                + "kT ln(1/eps), though none of the family searched does", c.full().tauLow());
    }
}
