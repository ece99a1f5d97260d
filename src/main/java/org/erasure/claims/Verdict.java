package org.erasure.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.erasure.physics.ErasureBounds;

/**
 * The verdict table (SPEC 5, experiment 5): each claim, the test, the measured numbers, and what they
 * support, decided by fixed numerical criteria stated in each row, whatever anyone expected.
 */
final class Verdict {

    /** Within this of kT[ln2 − H(ε)] (kT) the work counts as having approached the bound. */
    static final double NEAR_BOUND_KT = 0.1;

    private Verdict() {
    }

    static List<Map<String, Object>> rows(ClaimsSettings s, List<Map<String, Object>> approach,
                                          Map<String, Object> fit, List<Map<String, Object>> frontier,
                                          Map<String, Object> check, List<Map<String, Object>> storing,
                                          List<Map<String, Object>> speed, List<String> faults) {
        final List<Map<String, Object>> rows = new ArrayList<>();
        if (!faults.isEmpty()) {
            rows.add(row("all", "bounds respected by every computed protocol", String.join("; ", faults),
                    "NUMERICAL FAULT: a result fell below a thermodynamic bound, so the numbers below are not "
                            + "trustworthy; refine the grid (fokker_planck.cells, time_steps)"));
        }

        // Claim A, experiment 1
        final double wInf = (Double) fit.get("w_inf_kT");
        final double wInfErr = (Double) fit.get("w_inf_stderr_kT");
        final double boundLong = (Double) fit.get("landauer_bound_at_longest_tau_kT");
        final double epsLong = (Double) fit.get("error_rate_at_longest_tau");
        final boolean near = Math.abs(wInf - boundLong) <= Math.max(3 * wInfErr, NEAR_BOUND_KT);
        rows.add(row("A (kT ln 2 reachable)", "exp. 1: fixed four-step protocol, <W>(tau) fitted by W_inf + B/tau",
                String.format(Locale.ROOT, "W_inf = %.4f +- %.4f kT (B = %.3g kT tau_D); kT[ln2 - H(eps)] = %.4f kT at "
                                + "eps = %.3g (longest tau)", wInf, wInfErr, (Double) fit.get("b_kT_tauD"), boundLong,
                        epsLong),
                near ? "supports A: the work tends to the generalized Landauer bound as tau grows"
                        : "does not support A for this protocol: W_inf differs from the bound by "
                        + String.format(Locale.ROOT, "%.3f kT", wInf - boundLong)));

        // Claim A, high reliability
        final double epsMin = s.frontierErrors().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        final List<Map<String, Object>> strict = frontier.stream()
                .filter(r -> (Double) r.get("target_error") == epsMin && (Boolean) r.get("feasible"))
                .sorted(Comparator.comparingDouble(r -> (Double) r.get("protocol.tau"))).toList();
        if (strict.isEmpty()) {
            rows.add(row("A (kT ln 2 reachable)", "exp. 2: minimal <W> at eps <= " + epsMin,
                    "no protocol of the family reached the target", "undecided: the optimiser found no feasible protocol"));
        } else {
            final Map<String, Object> slow = strict.get(strict.size() - 1);
            final double w = (Double) slow.get("mean_work_kT");
            final double excess = (Double) slow.get("excess_over_landauer_kT");
            final StringBuilder series = new StringBuilder();
            for (Map<String, Object> r : strict) {
                series.append(String.format(Locale.ROOT, "%s%.4f kT at tau = %s", series.length() == 0 ? "" : ", ",
                        (Double) r.get("mean_work_kT"), ClaimsRunner.fmt((Double) r.get("protocol.tau"))));
            }
            rows.add(row("A (kT ln 2 reachable)", "exp. 2 and 4: minimal <W> over protocols at eps <= " + epsMin,
                    series + String.format(Locale.ROOT, "; kT ln 2 = %.4f kT", Math.log(2)),
                    excess <= NEAR_BOUND_KT
                            ? String.format(Locale.ROOT, "supports A: at eps = %.3g the bit is erased for %.3f kT, "
                            + "within %.2f kT of kT ln 2, by paying with time (tau = %s tau_D)", (Double) slow.get(
                            "error_rate"), w, NEAR_BOUND_KT, ClaimsRunner.fmt((Double) slow.get("protocol.tau")))
                            : String.format(Locale.ROOT, "partly: the work falls with tau but is still %.3f kT above "
                            + "the bound at the longest tau tried", excess)));
        }

        // Claim B
        final double lnInv = ErasureBounds.logInverseError(epsMin);
        if (!strict.isEmpty()) {
            final double maxRatio = strict.stream().mapToDouble(r -> (Double) r.get("mean_work_kT") / lnInv).max()
                    .orElseThrow();
            final Map<String, Object> sp = speed.stream().filter(r -> (Double) r.get("target_error") == epsMin)
                    .findFirst().orElse(Map.of());
            final Object tauStar = sp.get("tau_where_work_reaches_ln_inv_eps_tauD");
            final String where = tauStar instanceof Double d && Double.isFinite(d)
                    ? String.format(Locale.ROOT, "; extrapolating W_inf + B/tau, the minimal work would reach kT ln(1/eps) "
                    + "only for tau below about %.3g tau_D", d) : "";
            rows.add(row("B (~kT ln(1/eps) needed)", "exp. 2 and 4: minimal <W> at eps <= " + epsMin
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
            for (Map<String, Object> r : storing) {
                if (r.containsKey("erase_mean_work_kT")) {
                    m.append(String.format(Locale.ROOT, "%seps = %.3g: holding %.3g tau_D needs E_b = %.2f kT (kT ln(1/eps) = "
                                    + "%.2f kT), erasing into that well costs %.3f kT", m.length() == 0 ? "" : "; ",
                            (Double) r.get("error_rate"), (Double) r.get("hold_time_tauD"),
                            (Double) r.get("barrier_needed_kT"), (Double) r.get("log_inverse_error_kT"),
                            (Double) r.get("erase_mean_work_kT")));
                }
            }
            rows.add(row("B (~kT ln(1/eps) needed)", "exp. 3: barrier needed to store the bit vs work to erase it",
                    m.toString(), "the ln(1/eps) scale belongs to the barrier that keeps a stored bit (a height of the "
                            + "potential, not dissipated), while erasure into that well dissipates little more than "
                            + "kT ln 2 when slow enough"));
        }
        if (check != null) {
            rows.add(row("engines", "exp. 2: Monte Carlo confirms the Fokker-Planck frontier where sampling resolves eps",
                    String.format(Locale.ROOT, "FP: <W> = %.4f kT, eps = %.4g; MC (%d trajectories): <W> = %.4f +- %.4f kT, "
                                    + "eps = %.4g [%.3g, %.3g]", (Double) check.get("mean_work_kT"),
                            (Double) check.get("error_rate"), (Long) check.get("mc_trajectories"),
                            (Double) check.get("mc_mean_work_kT"), (Double) check.get("mc_stderr_work_kT"),
                            (Double) check.get("mc_error_rate"), (Double) check.get("mc_error_ci_low"),
                            (Double) check.get("mc_error_ci_high")),
                    (Boolean) check.get("mc_agrees") ? "consistent (work within 4 s.e., FP eps inside the MC interval)"
                            : "INCONSISTENT: the engines disagree beyond sampling error"));
        }
        rows.add(row("scope", "what the model leaves out",
                "one overdamped coordinate in a prescribed potential at 300 K; work is what the potential does on the "
                        + "particle",
                "not included: the energy the controller, lasers or electronics spend to change the potential, "
                        + "measurement and feedback, heating of the apparatus, quantum effects; claims about whole "
                        + "devices need those costs added"));
        return rows;
    }

    private static Map<String, Object> row(String claim, String test, String measured, String verdict) {
        final Map<String, Object> r = new LinkedHashMap<>();
        r.put("claim", claim);
        r.put("test", test);
        r.put("measured", measured);
        r.put("verdict", verdict);
        return r;
    }
}
