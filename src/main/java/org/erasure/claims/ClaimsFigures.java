package org.erasure.claims;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.erasure.config.ClaimsSettings;
import org.erasure.physics.ErasureBounds;
import org.erasure.plot.ChartKit;

/** The figures of the claims report, one per experiment, from the typed rows. */
final class ClaimsFigures {

    private ClaimsFigures() {
    }

    /** Experiment 1: ⟨W⟩ against τ, with the same fit as approach_fit.csv, drawn over the durations it was fitted on. */
    static List<Path> approachFigure(Path dir, ClaimsRunner.Results r) throws IOException {
        final double[] tau = r.approach().stream().mapToDouble(Rows.Approach::tau).toArray();
        final double[] w = r.approach().stream().mapToDouble(a -> a.fp().meanWork()).toArray();
        final List<ChartKit.Series> series = new ArrayList<>();
        series.add(new ChartKit.Series("<W> (Fokker-Planck, verified)", tau, w, true, false, ChartKit.palette(0)));
        final Rows.ApproachFit f = r.approachFit();
        final double hi = tau[tau.length - 1];
        final int n = 60;
        final double[] ft = new double[n];
        final double[] fw = new double[n];
        for (int i = 0; i < n; i++) {
            ft[i] = Math.exp(Math.log(f.tauMin()) + (Math.log(hi) - Math.log(f.tauMin())) * i / (n - 1));
            fw[i] = f.fit().at(ft[i]);
        }
        series.add(new ChartKit.Series(String.format(Locale.ROOT, "fit over tau >= %s (approach_fit.csv): W_inf = %.4f "
                        + "+- %.4f kT, B = %.3g kT tau_D", ClaimsRunner.fmt(f.tauMin()), f.fit().wInf(),
                f.fit().wInfError(), f.fit().b()), ft, fw, false, true, ChartKit.palette(1)));
        series.add(new ChartKit.Series("kT ln 2", new double[] {tau[0], hi}, new double[] {Math.log(2), Math.log(2)},
                false, false, Color.BLACK));
        return ChartKit.lines("Work versus protocol duration (fixed four-step protocol)", "tau (tau_D)", "<W> (kT)", true,
                false, series, dir.resolve("approach_work_vs_tau"));
    }

    /**
     * Experiment 2: ε against ⟨W⟩ on log axes, the frontier joined per duration, with kT[ln 2 − H(ε)] and kT ln(1/ε)
     * drawn over the whole ε range plotted.
     */
    static List<Path> frontierFigure(Path dir, ClaimsRunner.Results r) throws IOException {
        final List<Rows.Frontier> rows = r.frontier().stream().filter(Rows.Frontier::feasible).toList();
        if (rows.isEmpty()) {
            return List.of();
        }
        final List<ChartKit.Series> series = new ArrayList<>();
        final List<Double> taus = rows.stream().map(Rows.Frontier::tau).distinct().sorted().toList();
        double epsMin = 0.1;
        for (int i = 0; i < taus.size(); i++) {
            final double tau = taus.get(i);
            final List<Rows.Frontier> pts = rows.stream().filter(f -> f.tau() == tau)
                    .sorted(java.util.Comparator.comparingDouble(f -> f.fp().errorRate())).toList();
            series.add(new ChartKit.Series("minimal <W>, tau = " + ClaimsRunner.fmt(tau) + " tau_D",
                    pts.stream().mapToDouble(f -> f.fp().meanWork()).toArray(),
                    pts.stream().mapToDouble(f -> f.fp().errorRate()).toArray(), true, false, ChartKit.palette(i)));
            epsMin = Math.min(epsMin, pts.get(0).fp().errorRate());
        }
        // the protocol classes of experiment 5 (with their hold), joined per class and duration
        int colour = taus.size();
        for (String cls : List.of(ClaimsRunner.FIXED_BARRIER, ClaimsRunner.BARRIER_LOWERING)) {
            for (double tau : r.classes().stream().map(Rows.ClassPoint::tau).distinct().sorted().toList()) {
                final List<Rows.ClassPoint> pts = r.classes().stream().filter(c -> c.tau() == tau && c.feasible()
                        && c.protocolClass().equals(cls)).sorted(java.util.Comparator.comparingDouble(
                        c -> c.fp().errorRate())).toList();
                if (pts.isEmpty()) {
                    continue;
                }
                series.add(new ChartKit.Series(String.format(Locale.ROOT, "%s class (exp. 5), tau = %s tau_D", cls,
                        ClaimsRunner.fmt(tau)), pts.stream().mapToDouble(c -> c.fp().meanWork()).toArray(),
                        pts.stream().mapToDouble(c -> c.fp().errorRate()).toArray(), true, true,
                        ChartKit.palette(colour++)));
                epsMin = Math.min(epsMin, pts.get(0).fp().errorRate());
            }
        }
        final int n = 120;
        final double lo = Math.floor(Math.log10(epsMin)) - 1;
        final double[] eps = new double[n];
        final double[] landauer = new double[n];
        final double[] logInv = new double[n];
        for (int i = 0; i < n; i++) {
            eps[i] = Math.pow(10, -1 + (lo + 1) * i / (n - 1));
            landauer[i] = ErasureBounds.generalizedLandauer(eps[i]);
            logInv[i] = ErasureBounds.logInverseError(eps[i]);
        }
        // the bounds first, so that the points drawn after them stay visible on them (tau = 1000 lies on Landauer's);
        // claim B's bound black and dashed, a style no data series has
        series.add(0, new ChartKit.Series("kT[ln 2 - H(eps)] (generalized Landauer)", landauer, eps, false, false,
                Color.BLACK));
        series.add(1, new ChartKit.Series("kT ln(1/eps) (claim B)", logInv, eps, false, true, Color.BLACK));
        return ChartKit.lines("Error-energy frontier: minimal work at each error target", "<W> (kT, log scale)",
                "error probability eps", true, true, series, dir.resolve("frontier_error_vs_work"));
    }

    /** Experiment 5: minimal ⟨W⟩ against τ per protocol class and target, beside kT ln(1/ε) and kT ln 2. */
    static List<Path> classesFigure(Path dir, ClaimsSettings s, ClaimsRunner.Results r) throws IOException {
        if (r.classes().isEmpty()) {
            return List.of();
        }
        final List<ChartKit.Series> series = new ArrayList<>();
        // the reference lines span the durations, widened by a factor 3 each way so a single duration shows them
        final double[] span = {s.classTaus().stream().mapToDouble(Double::doubleValue).min().orElseThrow() / 3,
            3 * s.classTaus().stream().mapToDouble(Double::doubleValue).max().orElseThrow()};
        int i = 0;
        for (double eps : s.classErrors()) {
            for (String cls : List.of(ClaimsRunner.FIXED_BARRIER, ClaimsRunner.BARRIER_LOWERING)) {
                final List<Rows.ClassPoint> pts = r.classes().stream().filter(c -> c.targetError() == eps
                        && c.protocolClass().equals(cls)).toList();
                series.add(new ChartKit.Series(String.format(Locale.ROOT, "%s, eps <= %.3g", cls, eps),
                        pts.stream().mapToDouble(Rows.ClassPoint::tau).toArray(),
                        pts.stream().mapToDouble(c -> c.fp().meanWork()).toArray(), true, false, ChartKit.palette(i++)));
            }
            final double l = ErasureBounds.logInverseError(eps);
            series.add(new ChartKit.Series(String.format(Locale.ROOT, "kT ln(1/eps), eps = %.3g", eps), span,
                    new double[] {l, l}, false, true, ChartKit.palette(i++)));
        }
        series.add(new ChartKit.Series("kT ln 2", span, new double[] {Math.log(2), Math.log(2)}, false, false,
                Color.BLACK));
        return ChartKit.lines(String.format(Locale.ROOT, "Protocol classes at equal storage (bit kept %.3g tau_D)",
                s.classHoldTime()), "tau (tau_D)", "minimal <W> (kT)", true, true, series,
                dir.resolve("classes_work_vs_tau"));
    }

    /** Experiment 5's controller: W_η = W⁺ + ηW⁻ against η for each class protocol, and 2 kT ln 2. */
    static List<Path> controllerFigure(Path dir, ClaimsRunner.Results r) throws IOException {
        if (r.controller().isEmpty()) {
            return List.of();
        }
        final List<ChartKit.Series> series = new ArrayList<>();
        final double[] eta = new double[101];
        for (int k = 0; k < eta.length; k++) {
            eta[k] = k / 100.0;
        }
        int i = 0;
        for (Rows.Controller c : r.controller()) {
            final double[] drawn = new double[eta.length];
            for (int k = 0; k < eta.length; k++) {
                drawn[k] = c.point().fp().drawn(eta[k]);
            }
            series.add(new ChartKit.Series(String.format(Locale.ROOT, "%s, tau = %s, eps <= %.3g",
                    c.point().protocolClass(), ClaimsRunner.fmt(c.point().tau()), c.point().targetError()), eta, drawn,
                    false, c.point().protocolClass().equals(ClaimsRunner.BARRIER_LOWERING), ChartKit.palette(i++)));
        }
        series.add(new ChartKit.Series("2 kT ln 2", new double[] {0, 1}, new double[] {2 * Math.log(2), 2 * Math.log(2)},
                false, false, Color.BLACK));
        return ChartKit.lines("Energy drawn by the controller: W_eta = W+ + eta W-",
                "eta, fraction of the returned energy W- that the controller recovers", "W_eta (kT)", false, true,
                series, dir.resolve("controller_energy_vs_eta"));
    }

    /**
     * Experiment 6: ⟨W⟩ and kT ln(1/ε) of the cantilever's protocol versus its duration in oscillation periods, the
     * published learned protocols and the product's (Monte Carlo) at theirs, beside kT ln 2 and 2 kT ln 2.
     */
    /** The largest numerical error (kT) of kT ln(1/ε) drawn in the cantilever figure. */
    static final double MAX_LOG_ERROR_KT = 1;

    static List<Path> cantileverFigure(Path dir, ClaimsRunner.Results r) throws IOException {
        if (r.cantilever().isEmpty()) {
            return List.of();
        }
        final List<Rows.CantileverPoint> pts = r.cantilever();
        final double[] periods = pts.stream().mapToDouble(Rows.CantileverPoint::periods).toArray();
        final double periodS = pts.get(0).tauS() / pts.get(0).periods();
        final List<ChartKit.Series> series = new ArrayList<>();
        // the numerical errors are not drawn (the markers would hide the smaller ones): the legend gives the largest
        final double workError = pts.stream().mapToDouble(p -> p.fp().meanWorkError()).max().orElseThrow();
        series.add(new ChartKit.Series(String.format(Locale.ROOT, "<W>, cantilever.yaml's protocol (phase-space solver; "
                + "numerical error up to %.2g kT)", workError), periods,
                pts.stream().mapToDouble(p -> p.fp().meanWork()).toArray(), true, false, ChartKit.palette(0)));
        // kT ln(1/eps) only where the solver resolves it to 1 kT: at one period this grid gives eps = 1e-7 +- 2e-3
        final List<Rows.CantileverPoint> resolved = pts.stream()
                .filter(p -> p.fp().logInverseErrorError() <= MAX_LOG_ERROR_KT).toList();
        final int left = pts.size() - resolved.size();
        series.add(new ChartKit.Series("kT ln(1/eps) of that protocol" + (left == 0 ? "" : String.format(Locale.ROOT,
                " (%d point%s whose numerical error exceeds %s kT left out)", left, left == 1 ? "" : "s",
                ClaimsReport.fmt(MAX_LOG_ERROR_KT))), resolved.stream().mapToDouble(Rows.CantileverPoint::periods)
                .toArray(), resolved.stream().mapToDouble(p -> p.fp().logInverseError()).toArray(), true, true,
                ChartKit.palette(1)));
        if (!r.learned().isEmpty()) {
            series.add(new ChartKit.Series("<W>, published learned protocols", r.learned().stream()
                    .mapToDouble(l -> l.ours().periods()).toArray(), r.learned().stream()
                    .mapToDouble(Rows.LearnedComparison::publishedWork).toArray(), true, false, ChartKit.palette(3))
                    .scatter());
            series.add(new ChartKit.Series("<W>, this product's protocols (Monte Carlo)", r.learned().stream()
                    .mapToDouble(l -> l.ours().periods()).toArray(), r.learned().stream()
                    .mapToDouble(l -> l.mc().meanWork()).toArray(), true, false, ChartKit.palette(2)).scatter());
        }
        final double lo = Math.min(java.util.Arrays.stream(periods).min().orElseThrow(), 0.5);
        final double hi = java.util.Arrays.stream(periods).max().orElseThrow();
        series.add(new ChartKit.Series("2 kT ln 2", new double[] {lo, hi}, new double[] {2 * Math.log(2),
            2 * Math.log(2)}, false, true, Color.GRAY));
        series.add(new ChartKit.Series("kT ln 2", new double[] {lo, hi}, new double[] {Math.log(2), Math.log(2)},
                false, false, Color.BLACK));
        return ChartKit.lines("Underdamped erasure: the cantilever (Q = 7, f0 = 1090 Hz)",
                String.format(Locale.ROOT, "duration (oscillation periods; 1 period = %.4g us)", periodS * 1e6),
                "energy (kT)", true, true, series, dir.resolve("cantilever_work_vs_duration"));
    }

    /**
     * The rich family beside the four-step frontier and the full-control optimum (frontier_rich.csv), ⟨W⟩ versus τ at
     * the loosest and the strictest target: one colour per target, the three curves told apart by line style.
     */
    static List<Path> richFigure(Path dir, ClaimsSettings s, ClaimsRunner.Results r) throws IOException {
        if (r.rich().isEmpty()) {
            return List.of();
        }
        final double loose = s.frontierErrors().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        final double strict = s.frontierErrors().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        final List<ChartKit.Series> series = new ArrayList<>();
        @SuppressWarnings("unchecked")
        final List<double[]>[] crossings = new List[] {new ArrayList<>(), new ArrayList<>(), new ArrayList<>()};
        int i = 0;
        for (double eps : loose == strict ? new double[] {strict} : new double[] {loose, strict}) {
            final List<Rows.RichPoint> pts = r.rich().stream().filter(p -> p.four().targetError() == eps).toList();
            final double[] tau = pts.stream().mapToDouble(p -> p.four().tau()).toArray();
            final Color c = ChartKit.palette(i++);
            final List<Rows.RichPoint> fourMet = pts.stream().filter(p -> p.four().feasible()).toList();
            series.add(new ChartKit.Series(String.format(Locale.ROOT, "four-step, eps <= %.3g", eps),
                    fourMet.stream().mapToDouble(p -> p.four().tau()).toArray(),
                    fourMet.stream().mapToDouble(p -> p.four().fp().meanWork()).toArray(), true, false, c));
            final List<Rows.RichPoint> richMet = pts.stream().filter(Rows.RichPoint::feasible).toList();
            series.add(new ChartKit.Series(String.format(Locale.ROOT, "spline, %d nodes, eps <= %.3g",
                    s.rich().nodes(), eps), richMet.stream().mapToDouble(p -> p.four().tau()).toArray(),
                    richMet.stream().mapToDouble(p -> p.fp().meanWork()).toArray(), true, true, c));
            final List<Rows.RichPoint> full = pts.stream().filter(p -> p.four().fullControl() != null).toList();
            series.add(new ChartKit.Series(String.format(Locale.ROOT, "full control (any potential), eps = %.3g", eps),
                    full.stream().mapToDouble(p -> p.four().tau()).toArray(),
                    full.stream().mapToDouble(p -> p.four().fullControl().work()).toArray(), false, false,
                    c.darker().darker()));
            final double level = ErasureBounds.logInverseError(eps);
            series.add(new ChartKit.Series(String.format(Locale.ROOT, "kT ln(1/eps) = %.3g kT", level),
                    new double[] {tau[0], tau[tau.length - 1]}, new double[] {level, level}, false, true,
                    c.brighter()));
            // where each curve meets kT ln(1/eps): tau* of the spline and four-step families, tau_low of full control
            r.richCrossover().stream().filter(x -> x.targetError() == eps && Double.isFinite(x.tauStar()))
                    .forEach(x -> crossings[0].add(new double[] {x.tauStar(), level}));
            r.crossover().stream().filter(x -> x.targetError() == eps).forEach(x -> {
                if (Double.isFinite(x.tauStar())) {
                    crossings[1].add(new double[] {x.tauStar(), level});
                }
                if (x.full() != null && Double.isFinite(x.full().tauLow())) {
                    crossings[2].add(new double[] {x.full().tauLow(), level});
                }
            });
        }
        final String[] names = {"tau*, spline (crossover_rich.csv)", "tau*, four-step (crossover.csv)",
            "tau_low, full control (crossover.csv)"};
        final Color[] shades = {Color.BLACK, Color.GRAY, Color.DARK_GRAY};
        for (int k = 0; k < 3; k++) {
            if (!crossings[k].isEmpty()) {
                series.add(new ChartKit.Series(names[k], crossings[k].stream().mapToDouble(p -> p[0]).toArray(),
                        crossings[k].stream().mapToDouble(p -> p[1]).toArray(), true, false, shades[k]).scatter());
            }
        }
        return ChartKit.lines("Least work found: four-step and spline protocols, and the full-control optimum",
                "tau (tau_D)", "<W> (kT)", true, true, series, dir.resolve("frontier_rich_work_vs_tau"));
    }

    static List<Path> speedFigure(Path dir, ClaimsSettings s, ClaimsRunner.Results r) throws IOException {
        final List<ChartKit.Series> series = new ArrayList<>();
        final List<double[]> crossings = new ArrayList<>();
        final List<double[]> brackets = new ArrayList<>();
        int i = 0;
        for (double eps : s.frontierErrors()) {
            final List<Rows.Frontier> pts = r.frontier().stream().filter(f -> f.targetError() == eps && f.feasible())
                    .toList();
            if (pts.isEmpty()) {
                continue;
            }
            final double[] tau = pts.stream().mapToDouble(Rows.Frontier::tau).toArray();
            final double[] ex = pts.stream().mapToDouble(p -> Math.max(1e-6, p.fp().excessOverLandauer())).toArray();
            series.add(new ChartKit.Series(String.format(Locale.ROOT, "eps <= %.3g", eps), tau, ex, true, false,
                    ChartKit.palette(i)));
            final double gap = ErasureBounds.logInverseError(eps) - ErasureBounds.generalizedLandauer(eps);
            series.add(new ChartKit.Series(String.format(Locale.ROOT, "kT ln(1/eps) - kT[ln2 - H], eps = %.3g", eps),
                    new double[] {tau[0], tau[tau.length - 1]}, new double[] {gap, gap}, false, true, ChartKit.palette(i)));
            i++;
            r.crossover().stream().filter(c -> c.targetError() == eps && Double.isFinite(c.tauStar()))
                    .forEach(c -> {
                        crossings.add(new double[] {c.tauStar(), gap});
                        // the bracket's ends: the root finding's own optimisations lie off the frontier durations
                        final double bound = ErasureBounds.generalizedLandauer(eps);
                        brackets.add(new double[] {c.tauLow(), c.workLow() - bound});
                        brackets.add(new double[] {c.tauHigh(), c.workHigh() - bound});
                    });
        }
        // the full-control optimum at the strictest target (it hardly depends on eps: full_control.csv has them all)
        final double strict = s.frontierErrors().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        r.crossover().stream().filter(c -> c.targetError() == strict && c.full() != null && c.full().curve().size() > 1)
                .findFirst().ifPresent(c -> {
                    final double bound = ErasureBounds.generalizedLandauer(strict);
                    final List<Rows.FullControlPoint> pts = c.full().curve();
                    series.add(new ChartKit.Series(String.format(Locale.ROOT, "full control (any potential), eps = %.3g,"
                                    + " E_b = %s kT (full_control.csv)", strict, ClaimsRunner.fmt(c.full().barrier())),
                            pts.stream().mapToDouble(Rows.FullControlPoint::tau).toArray(),
                            pts.stream().mapToDouble(p -> Math.max(1e-6, p.work() - bound)).toArray(), false, false,
                            Color.DARK_GRAY));
                    if (Double.isFinite(c.full().tauLow())) {
                        series.add(new ChartKit.Series("tau_low: W_min = kT ln(1/eps), full control (crossover.csv)",
                                new double[] {c.full().tauLow()}, new double[] {ErasureBounds.logInverseError(strict)
                                - bound}, true, false, Color.DARK_GRAY).scatter());
                    }
                });
        if (!brackets.isEmpty()) {
            series.add(new ChartKit.Series("bracket of tau* (measured, crossover.csv)", brackets.stream()
                    .mapToDouble(c -> c[0]).toArray(), brackets.stream().mapToDouble(c -> c[1]).toArray(), true, false,
                    Color.GRAY).scatter());
        }
        if (!crossings.isEmpty()) {
            series.add(new ChartKit.Series("tau*: <W>_min = kT ln(1/eps), measured (crossover.csv)",
                    crossings.stream().mapToDouble(c -> c[0]).toArray(), crossings.stream().mapToDouble(c -> c[1])
                    .toArray(), true, false, Color.BLACK).scatter());
        }
        if (series.isEmpty()) {
            return List.of();
        }
        return ChartKit.lines("Dissipation above the Landauer bound versus protocol duration", "tau (tau_D)",
                "<W>_min - kT[ln 2 - H(eps)] (kT)", true, true, series, dir.resolve("speed_excess_vs_tau"));
    }

    static List<Path> storingFigure(Path dir, ClaimsSettings s, ClaimsRunner.Results r) throws IOException {
        final List<ChartKit.Series> series = new ArrayList<>();
        for (double hold : s.holdTimes()) {
            final List<Rows.Storing> pts = r.storing().stream().filter(f -> f.holdTime() == hold).toList();
            series.add(new ChartKit.Series(String.format(Locale.ROOT, "barrier needed to hold %.3g tau_D", hold),
                    pts.stream().mapToDouble(Rows.Storing::logInverseError).toArray(),
                    pts.stream().mapToDouble(Rows.Storing::barrierNeeded).toArray(), true, false));
        }
        final List<Rows.Storing> er = r.storing().stream().filter(f -> f.erase() != null).toList();
        series.add(new ChartKit.Series(String.format(Locale.ROOT, "work to erase into that well in tau = %s tau_D",
                ClaimsRunner.fmt(s.storeEraseTau())),
                er.stream().mapToDouble(Rows.Storing::logInverseError).toArray(),
                er.stream().mapToDouble(p -> p.erase().fp().meanWork()).toArray(), true, false));
        final double max = r.storing().stream().mapToDouble(Rows.Storing::logInverseError).max().orElse(50);
        series.add(new ChartKit.Series("kT ln(1/eps)", new double[] {0, max}, new double[] {0, max}, false, true));
        series.add(new ChartKit.Series("kT ln 2", new double[] {0, max}, new double[] {Math.log(2), Math.log(2)}, false,
                true));
        return ChartKit.lines("Storing versus erasing a bit", "kT ln(1/eps) (kT)", "energy (kT)", false, false, series,
                dir.resolve("storing_vs_erasing"));
    }
}
