package org.erasure.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.erasure.config.ClaimsSettings;
import org.erasure.io.Table;
import org.erasure.util.Futures;

/**
 * The canonical experiments of SPEC 5, computed into typed rows ({@link Rows}). Deterministic:
 * optimisations run in parallel but are seeded and collected in order. Each takes the pool as its helpers too, so that
 * a thread with nothing of its own to do solves CMA-ES candidates, BOBYQA's first points or a solve's runs for a
 * running one (on a wide machine, the crossover optimisations and the chains of verifications run when most of the
 * pool is idle); who solves what never changes a number.
 */
public final class ClaimsRunner {

    /** Every result of the report, typed; each table as the report lays it out by {@code ...Table()}. */
    public record Results(List<Rows.Approach> approach, Rows.ApproachFit approachFit, List<Rows.Frontier> frontier,
                          Rows.FrontierCheck frontierCheck, Rows.AmsCheck amsCheck, List<Rows.Storing> storing,
                          List<Rows.Speed> speed, List<Rows.Crossover> crossover, List<Rows.ClassPoint> classes,
                          List<Rows.Controller> controller, List<Rows.CantileverPoint> cantilever,
                          List<Rows.LearnedComparison> learned, Rows.AmsCheck cantileverAms, List<Rows.Verdict> verdict,
                          List<String> faults, List<Rows.RichPoint> rich, List<Rows.Crossover> richCrossover) {

        public Table approachTable() {
            return Rows.table(approach, Rows.Approach::row);
        }

        public Table approachFitTable() {
            return Table.of(approachFit.row());
        }

        public Table frontierTable() {
            return Rows.table(frontier, Rows.Frontier::row);
        }

        /** The rich family beside every frontier point (frontier_rich.csv; empty where frontier.rich_nodes is 0). */
        public Table richTable() {
            return Rows.table(rich, Rows.RichPoint::row);
        }

        /** τ* of the rich family per target (crossover_rich.csv; empty where frontier.rich_nodes is 0). */
        public Table richCrossoverTable() {
            return Rows.table(richCrossover, Rows.Crossover::row);
        }

        public Table frontierCheckTable() {
            return Table.of(frontierCheck.row());
        }

        /** The splitting check (empty when no feasible frontier point has a target at most 1e-15). */
        public Table amsCheckTable() {
            return amsCheck == null ? Table.of(List.of()) : Table.of(amsCheck.row());
        }

        public Table storingTable() {
            return Rows.table(storing, Rows.Storing::row);
        }

        public Table speedTable() {
            return Table.of(speed.stream().flatMap(x -> x.rows().stream()).toList());
        }

        public Table crossoverTable() {
            return Rows.table(crossover, Rows.Crossover::row);
        }

        /** W_min(τ) of the full-control optimum at every target (full_control.csv). */
        public Table fullControlTable() {
            return Table.of(crossover.stream().filter(c -> c.full() != null)
                    .flatMap(c -> c.full().curve().stream()).map(Rows.FullControlPoint::row).toList());
        }

        public Table classesTable() {
            return Rows.table(classes, Rows.ClassPoint::row);
        }

        public Table controllerTable() {
            return Table.of(controller.stream().flatMap(x -> x.rows().stream()).toList());
        }

        /** Experiment 6: the cantilever preset's protocol over durations (cantilever.csv). */
        public Table cantileverTable() {
            return Rows.table(cantilever, Rows.CantileverPoint::row);
        }

        /** Experiment 6: the product's protocols beside the published learned ones (cantilever_learned.csv). */
        public Table learnedTable() {
            return Rows.table(learned, Rows.LearnedComparison::row);
        }

        /** Experiment 6: splitting against the phase-space solver (cantilever_ams_check.csv; empty when none ran). */
        public Table cantileverAmsTable() {
            return cantileverAms == null ? Table.of(List.of()) : Table.of(cantileverAms.row());
        }

        public Table verdictTable() {
            return Rows.table(verdict, Rows.Verdict::row);
        }
    }

    /**
     * Monte Carlo agrees with Fokker–Planck when the mean work lies within this many standard errors
     * (nominal false-alarm rate 6e-5; the work distribution of an erasure is skewed, so the normal
     * rate is optimistic) and the FP error inside the Clopper–Pearson interval at {@link #AGREE_CONFIDENCE}.
     */
    static final double AGREE_SE = 4;

    /**
     * The confidence of the Clopper–Pearson interval that judges the error probability: that of ±{@link #AGREE_SE}
     * normal standard errors, 1 − 2Φ(−4), so that both halves of a check raise a false alarm about equally rarely.
     * (A 95 % interval called one seed in twenty inconsistent: seed 2 of the default claims drew 79 errors in 1e5
     * trajectories where Fokker–Planck gives ε = 1.000e-3.)
     */
    static final double AGREE_CONFIDENCE = 1 - 6.334e-5;

    private ClaimsRunner() {
    }

    /** Number of progress steps {@link #run} reports. */
    public static int steps(ClaimsSettings s) {
        return s.approachTaus().size() + s.mcTaus().size() + s.frontierTaus().size() * s.frontierErrors().size() + 3
                + s.storeErrors().size() * (s.holdTimes().size() + 1) + s.frontierErrors().size()
                + 2 * s.classErrors().size() * s.classTaus().size() + s.cantilever().periods().size()
                + CantileverExperiment.PUBLISHED.size() + 1
                + (s.rich().nodes() > 0 ? (s.frontierTaus().size() + 1) * s.frontierErrors().size() : 0);
    }

    public static Results run(ClaimsSettings s, int threads, IntConsumer progress) {
        final IntConsumer tick = progress == null ? i -> { } : progress;
        final ExecutorService pool = Futures.daemonPool("claims", Math.max(1, threads));
        try {
            final List<String> faults = new ArrayList<>();
            // the protocol classes' optimisations queue first: they need nothing else
            final List<Future<Rows.ClassPoint>> classFutures = ClassesExperiment.classes(s, pool);
            // experiment 6's phase-space solves queue behind them, on the same pool
            final List<Future<Rows.CantileverPoint>> cantileverFutures = CantileverExperiment.sweep(s, pool);
            final List<Rows.Approach> approach = ApproachExperiment.approach(s, pool, tick, threads, faults);
            final Rows.ApproachFit fit = ApproachExperiment.approachFit(approach);
            final List<Rows.Frontier> frontier = FrontierExperiment.frontier(s, pool, tick, faults);
            // the rich family's searches (minutes each, where asked for) queue now and are collected last
            final List<Future<org.erasure.optimize.GradientOptimizer.Result>> richSearches =
                    RichFrontierExperiment.submit(s, frontier, pool, tick);
            final List<Future<Rows.Crossover>> crossFutures = new ArrayList<>();
            for (double eps : s.frontierErrors()) {
                crossFutures.add(pool.submit(() -> SpeedExperiment.crossover(s, eps, frontier, pool)));
            }
            final Rows.FrontierCheck check = FrontierExperiment.frontierCheck(s, threads, tick, faults);
            final Rows.AmsCheck amsCheck = FrontierExperiment.amsCheck(s, frontier, threads);
            tick.accept(1);
            final List<Rows.Storing> storing = StoringExperiment.storing(s, pool, tick, faults);
            final List<Rows.Speed> speed = SpeedExperiment.speed(s, frontier);
            final List<Rows.Crossover> crossover = new ArrayList<>();
            for (Future<Rows.Crossover> f : crossFutures) {
                crossover.add(ClaimsEngines.get(f));
                tick.accept(1);
            }
            final List<Rows.ClassPoint> classes = new ArrayList<>();
            for (Future<Rows.ClassPoint> f : classFutures) {
                final Rows.ClassPoint c = ClaimsEngines.get(f);
                tick.accept(1);
                ClaimsEngines.addFault(faults, c.protocolClass() + " tau=" + c.tau() + " eps<=" + c.targetError(),
                        c.fault().isEmpty() ? null : c.fault());
                classes.add(c);
            }
            final List<Rows.Controller> controller = classes.stream()
                    .map(c -> new Rows.Controller(c, s.efficiencies())).toList();
            final List<Rows.LearnedComparison> learned = CantileverExperiment.learned(s, pool, threads);
            learned.forEach(l -> tick.accept(1));
            final List<Rows.CantileverPoint> cantilever = new ArrayList<>();
            for (Future<Rows.CantileverPoint> f : cantileverFutures) {
                cantilever.add(ClaimsEngines.get(f));
                tick.accept(1);
            }
            final Rows.AmsCheck cantileverAms = CantileverExperiment.splitting(s, cantilever, threads);
            tick.accept(1);
            final List<Rows.RichPoint> rich = RichFrontierExperiment.collect(s, frontier, richSearches, faults);
            final List<Future<Rows.Crossover>> richCrossFutures = new ArrayList<>();
            for (double eps : rich.isEmpty() ? List.<Double>of() : s.frontierErrors()) {
                richCrossFutures.add(pool.submit(() -> RichFrontierExperiment.crossover(s, eps, rich)));
            }
            final List<Rows.Crossover> richCrossover = new ArrayList<>();
            for (Future<Rows.Crossover> f : richCrossFutures) {
                richCrossover.add(ClaimsEngines.get(f));
                tick.accept(1);
            }
            final List<Rows.Verdict> verdict = new ArrayList<>(Verdicts.rows(s, fit, frontier, check, amsCheck, storing,
                    speed, crossover, richCrossover, classes, controller, faults));
            verdict.addAll(CantileverExperiment.verdicts(cantilever, learned, cantileverAms));
            return new Results(approach, fit, frontier, check, amsCheck, storing, speed, crossover, classes, controller,
                    cantilever, learned, cantileverAms, verdict, faults, rich, richCrossover);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The rows whose verified values miss the numerical tolerance, named by experiment and duration. */
    public static List<String> outsideTolerance(Results r) {
        final List<String> out = new ArrayList<>();
        for (Rows.Approach a : r.approach()) {
            if (!a.fp().withinTolerance()) {
                out.add("approach tau = " + fmt(a.tau()));
            }
        }
        for (Rows.Frontier f : r.frontier()) {
            if (!f.fp().withinTolerance()) {
                out.add("frontier tau = " + fmt(f.tau()) + " eps <= " + ClaimsReport.fmt(f.targetError()));
            }
        }
        if (!r.frontierCheck().fp().withinTolerance()) {
            out.add("frontier Monte Carlo check");
        }
        return out;
    }

    /** Monte Carlo steps over the protocol below which a frontier point is not used for the splitting check. */
    static final double AMS_MIN_STEPS = 2000;

    /** The shortest duration of the W∞ + B/τ fits (experiments 1 and 4): the slow regime the form describes. */
    static final double FIT_TAU_MIN = 10;

    /** The protocol classes of SPEC 2.3. */
    static final String BARRIER_LOWERING = "barrier-lowering";
    static final String FIXED_BARRIER = "fixed-barrier";

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

}
