package org.erasure.claims;

import java.util.List;
import java.util.Map;
import org.erasure.fokkerplanck.FokkerPlanckResult;
import org.erasure.fokkerplanck.FokkerPlanckSolution;
import org.erasure.io.FokkerPlanckText;
import org.erasure.io.FokkerPlanckWarnings;
import org.erasure.io.Table;
import org.erasure.optimize.FullControlOptimum;
import org.erasure.optimize.ProtocolFamily;
import org.erasure.physics.ErasureBounds;
import org.erasure.rare.AmsResult;
import org.erasure.rare.AmsTimeStep;
import org.erasure.langevin.TimeStepError;
import org.erasure.stats.BinomialInterval;
import org.erasure.stats.ErasureTally;
import org.erasure.stats.InverseTauFit;

/**
 * The typed results of the canonical experiments (SPEC 5): one record per row of each table, with the
 * numbers as numbers. {@code row()} lays a record out under the column names of the report's CSV files
 * (units in the names); the verdict and the figures read the records' fields.
 *
 * <p>One job, on purpose longer than 400 lines: this is the registry of the claims tables' layouts, every table's
 * columns in one place, so that a column is named once and the CSV files, the report and the tests agree.
 */
public final class Rows {

    private Rows() {
    }

    /**
     * A Fokker–Planck value verified on the finer grid (kT; probabilities), with its numerical errors.
     *
     * @param withinTolerance whether ε and ⟨W⟩ meet the numerical tolerance
     */
    public record Verified(double meanWork, double meanWorkError, double errorRate, double errorRateError,
                    boolean withinTolerance, double finiteTimeBound, double entropyProduction, double meanWorkPlus,
                    double meanWorkPlusError, double meanWorkMinus, double meanWorkMinusError) {

        static Verified of(FokkerPlanckSolution v) {
            final FokkerPlanckResult r = v.result();
            return new Verified(r.meanWork(), v.workError(), ErasureBounds.requireProbability("error_rate", r.error()),
                    v.errorRateError(), v.withinTolerance(), r.finiteTimeBound(), r.entropyProduction(),
                    r.meanWorkPlus(), v.workPlusError(), r.meanWorkMinus(), v.workMinusError());
        }

        /** W_η = ⟨W⁺⟩ + η⟨W⁻⟩ (kT): what a controller draws that recovers a fraction η of the energy given back. */
        double drawn(double eta) {
            return meanWorkPlus + eta * meanWorkMinus;
        }

        /**
         * The recovery efficiency η at which W_η falls to {@code budget} (kT): 0 when ⟨W⁺⟩ is already below it,
         * NaN when even full recovery (η = 1, W_η = ⟨W⟩) stays above it.
         */
        double efficiencyNeeded(double budget) {
            if (meanWorkPlus <= budget) {
                return 0;
            }
            return meanWork > budget || !(meanWorkMinus < 0) ? Double.NaN : (meanWorkPlus - budget) / -meanWorkMinus;
        }

        /** The numerical error of {@link #efficiencyNeeded}, from those of ⟨W⁺⟩ and ⟨W⁻⟩ (a linear bound). */
        double efficiencyNeededError(double budget) {
            final double eta = efficiencyNeeded(budget);
            return eta > 0 ? (meanWorkPlusError + eta * meanWorkMinusError) / -meanWorkMinus : eta == 0 ? 0 : Double.NaN;
        }

        double landauerBound() {
            return ErasureBounds.generalizedLandauer(errorRate);
        }

        double excessOverLandauer() {
            return meanWork - landauerBound();
        }

        /**
         * The numerical error of {@link #excessOverLandauer}: ⟨W⟩'s plus the bound's through ε,
         * |d(ln 2 − H(ε))/dε| δε = |ln((1 − ε)/ε)| δε (a linear bound).
         */
        double excessOverLandauerError() {
            return errorRateError == 0 ? meanWorkError
                    : meanWorkError + Math.abs(Math.log((1 - errorRate) / errorRate)) * errorRateError;
        }

        double logInverseError() {
            return ErasureBounds.logInverseError(errorRate);
        }

        /** The numerical error of {@link #logInverseError}, δε/ε. */
        double logInverseErrorError() {
            return errorRateError / errorRate;
        }

        /** The numerical error of {@link #drawn}, from those of ⟨W⁺⟩ and ⟨W⁻⟩ (a linear bound). */
        double drawnError(double eta) {
            return meanWorkPlusError + Math.abs(eta) * meanWorkMinusError;
        }

        void into(Table.Row row) {
            row.put("mean_work_kT", meanWork).put("mean_work_numerical_error_kT", meanWorkError)
                    .put("error_rate", errorRate).put("error_rate_numerical_error", errorRateError)
                    .put("within_numerical_tolerance", withinTolerance).put("mean_work_plus_kT", meanWorkPlus)
                    .put("mean_work_plus_numerical_error_kT", meanWorkPlusError).put("mean_work_minus_kT", meanWorkMinus)
                    .put("mean_work_minus_numerical_error_kT", meanWorkMinusError);
        }
    }

    /**
     * A Monte Carlo confirmation of a Fokker–Planck value.
     *
     * @param workTimeStepError  ⟨W⟩'s time-step error (kT; the coupled paths at 2dt, {@link TimeStepError}), NaN if
     *                           not estimated
     * @param error  the Monte Carlo error probability with its 95 % interval (as tabulated)
     * @param errorTimeStepError ε's time-step error
     * @param agrees ⟨W⟩ within its time-step error plus {@link ClaimsRunner#AGREE_SE} standard errors, and the FP ε
     *               inside the Monte Carlo interval at {@link ClaimsRunner#AGREE_CONFIDENCE} widened by ε's time-step
     *               error ({@link #errorAgrees}): sampling and time step together
     */
    public record MonteCarloCheck(long trajectories, double meanWork, double workStderr, double workTimeStepError,
                                  BinomialInterval error, double errorTimeStepError, boolean agrees) {

        /** The check of a 1-D Fokker–Planck value, whose numerical error is negligible beside sampling. */
        static MonteCarloCheck of(ErasureTally t, Verified fp) {
            return of(t, fp, false);
        }

        /**
         * As {@link #of(ErasureTally, Verified)}; with {@code withNumericalError} (a phase-space value, whose numerical
         * error is not negligible) the tolerances of ⟨W⟩ and ε are each widened by the Fokker–Planck value's own
         * numerical error as well.
         */
        static MonteCarloCheck of(ErasureTally t, Verified fp, boolean withNumericalError) {
            final BinomialInterval ci = t.errorInterval();
            // not estimated (2dt unstable): tabulated as empty, and the comparison is on sampling alone
            final TimeStepError ts = TimeStepError.of(t);
            final double workStep = ts == null ? Double.NaN : ts.work().error();
            final double epsStep = ts == null ? Double.NaN : ts.errorRate().error();
            final double workSlack = (ts == null ? 0 : workStep) + (withNumericalError ? fp.meanWorkError() : 0);
            final double epsSlack = (ts == null ? 0 : epsStep) + (withNumericalError ? fp.errorRateError() : 0);
            return new MonteCarloCheck(t.trajectories(), t.work().mean(), t.work().standardError(), workStep, ci,
                    epsStep, Math.abs(t.work().mean() - fp.meanWork())
                    <= workSlack + ClaimsRunner.AGREE_SE * t.work().standardError()
                            && errorAgrees(t.errors(), t.trajectories(), fp.errorRate(), epsSlack));
        }

        /**
         * Whether an error probability lies inside the Clopper–Pearson interval of {@code errors} in {@code trials}
         * at {@link ClaimsRunner#AGREE_CONFIDENCE}: a false alarm about once in 16 000 checks.
         */
        static boolean errorAgrees(long errors, long trials, double error, double timeStepError) {
            final BinomialInterval judge = BinomialInterval.clopperPearson(errors, trials, ClaimsRunner.AGREE_CONFIDENCE);
            return error >= judge.low() - timeStepError && error <= judge.high() + timeStepError;
        }
    }

    /**
     * Experiment 6: one erasure of the cantilever on the phase-space (Klein–Kramers) solver.
     *
     * @param protocol       the preset file (in configs/) whose protocol this is
     * @param periods        the duration in oscillation periods
     * @param tauS           the duration (s)
     * @param tau            the duration (τ_D)
     * @param holdPeriods    the quiescent hold after it, in periods (ε is judged after it)
     * @param deltaK         ⟨ΔK⟩, the kinetic energy's change (kT), with {@code deltaKError} its numerical error
     * @param storingTail    the storing well's Gaussian tail beyond the barrier, Φ(−c₁) (c₁ in √(kT/k)): a bit left to
     *                       relax there keeps an error of this order, whatever the erasure did
     * @param edgeProbability the most probability found in the grid's outermost cells (the edges reflect)
     * @param grid           the solve's grid in words
     */
    public record CantileverPoint(String protocol, double periods, double tauS, double tau, double holdPeriods,
                                  Verified fp, double deltaK, double deltaKError, double storingTail,
                                  double edgeProbability, String grid) {
        Table.Row row() {
            final Table.Row r = new Table.Row().put("protocol", protocol).put("duration_periods", periods)
                    .put("duration_s", tauS).put("duration_tauD", tau).put("hold_periods", holdPeriods);
            fp.into(r);
            return r.put("mean_delta_kinetic_kT", deltaK).put("mean_delta_kinetic_numerical_error_kT", deltaKError)
                    .put("landauer_bound_kT", fp.landauerBound()).put("log_inverse_error_kT", fp.logInverseError())
                    .put("log_inverse_error_numerical_error_kT", fp.logInverseErrorError())
                    .put("storing_well_tail_beyond_barrier", storingTail).put("edge_probability", edgeProbability)
                    .put("edge_within_limit", edgeWithinLimit()).put("grid", grid);
        }

        /** The grid's edges held: at most {@link FokkerPlanckWarnings#EDGE_FRACTION} of min(ε, 1) in the outer cells. */
        boolean edgeWithinLimit() {
            return edgeProbability <= FokkerPlanckWarnings.EDGE_FRACTION * Math.min(1, fp.errorRate());
        }
    }

    /**
     * Experiment 6: a published learned protocol of the cantilever beside the product's, judged on the same
     * conventions (NESTbench25: ε after one quiescent period, work at the protocol's updates), by the phase-space
     * solver and by Monte Carlo.
     *
     * @param published         who published the learned protocol
     * @param publishedError    its ε, from {@code publishedTrials} trajectories
     * @param publishedWork     its ⟨W⟩ (kT)
     * @param ours              the product's protocol at the same duration, on the phase-space solver
     * @param mc                the same by underdamped Monte Carlo (BAOAB at the preset's step)
     */
    public record LearnedComparison(String published, double publishedError, long publishedTrials,
                                    double publishedWork, CantileverPoint ours, MonteCarloCheck mc) {

        /** The published ε's 95 % Clopper–Pearson interval (its error count rounded from ε and the trials). */
        BinomialInterval publishedInterval() {
            return BinomialInterval.clopperPearson(Math.round(publishedError * publishedTrials), publishedTrials);
        }

        /**
         * Less work: the Monte Carlo ⟨W⟩ plus its time-step error and {@link ClaimsRunner#AGREE_SE} standard errors
         * below the published.
         */
        boolean lessWork() {
            return mc.meanWork() + finite(mc.workTimeStepError()) + ClaimsRunner.AGREE_SE * mc.workStderr()
                    < publishedWork;
        }

        /** An error no larger: the upper end of the Monte Carlo's 95 % interval plus its time-step error at most ε. */
        boolean errorNoLarger() {
            return mc.error().high() + finite(mc.errorTimeStepError()) <= publishedError;
        }

        /** |x|, or 0 where it was not estimated (NaN). */
        private static double finite(double x) {
            return Double.isNaN(x) ? 0 : Math.abs(x);
        }

        /** The two 95 % intervals of ε (ours and the published one's) overlap. */
        boolean errorEqualWithinSampling() {
            return mc.error().low() <= publishedInterval().high() && publishedInterval().low() <= mc.error().high();
        }

        /** "beaten", "less work at an error equal within sampling" or "not beaten". */
        String outcome() {
            return lessWork() && errorNoLarger() ? "beaten" : lessWork() && errorEqualWithinSampling()
                    ? "less work at an error equal within sampling" : "not beaten";
        }

        Table.Row row() {
            final Table.Row r = new Table.Row().put("published_protocol", published)
                    .put("published_error_rate", publishedError).put("published_error_ci_low", publishedInterval().low())
                    .put("published_error_ci_high", publishedInterval().high())
                    .put("published_trajectories", publishedTrials).put("published_mean_work_kT", publishedWork);
            r.putAll("", ours.row());
            return r.put("mc_mean_work_kT", mc.meanWork()).put("mc_stderr_work_kT", mc.workStderr())
                    .put("mc_mean_work_timestep_error_kT", mc.workTimeStepError())
                    .put("mc_error_rate", mc.error().rate()).put("mc_error_ci_low", mc.error().low())
                    .put("mc_error_ci_high", mc.error().high())
                    .put("mc_error_rate_timestep_error", mc.errorTimeStepError())
                    .put("mc_trajectories", mc.trajectories())
                    .put("mc_agrees_with_fp", mc.agrees()).put("less_work", lessWork())
                    .put("error_no_larger", errorNoLarger()).put("outcome", outcome());
        }
    }

    /** Experiment 1: the fixed four-step protocol at one duration τ (τ_D). */
    public record Approach(double tau, Verified fp, MonteCarloCheck mc) {
        Table.Row row() {
            final Table.Row r = new Table.Row().put("protocol.tau", tau);
            fp.into(r);
            r.put("landauer_bound_kT", fp.landauerBound()).put("excess_over_landauer_kT", fp.excessOverLandauer())
                    .put("excess_over_landauer_numerical_error_kT", fp.excessOverLandauerError())
                    .put("finite_time_bound_kT", fp.finiteTimeBound()).put("entropy_production_kT", fp.entropyProduction())
                    .put("log_inverse_error_kT", fp.logInverseError())
                    .put("log_inverse_error_numerical_error_kT", fp.logInverseErrorError());
            if (mc != null) {
                r.put("mc_mean_work_kT", mc.meanWork()).put("mc_stderr_work_kT", mc.workStderr())
                        .put("mc_mean_work_timestep_error_kT", mc.workTimeStepError())
                        .put("mc_error_rate", mc.error().rate()).put("mc_error_ci_high", mc.error().high())
                        .put("mc_error_rate_timestep_error", mc.errorTimeStepError())
                        .put("mc_trajectories", mc.trajectories()).put("mc_agrees", mc.agrees());
            }
            return r;
        }
    }

    /**
     * Experiment 1's fit ⟨W⟩ = W∞ + B/τ over the durations from {@code tauMin} on.
     *
     * @param errorAtLongest  ε at the longest duration
     * @param boundAtLongest  kT[ln 2 − H(ε)] there (kT)
     */
    public record ApproachFit(double tauMin, int points, InverseTauFit fit, double errorAtLongest, double boundAtLongest) {
        Table.Row row() {
            return new Table.Row().put("fit_tau_min", tauMin).put("fit_points", (long) points)
                    .put("w_inf_kT", fit.wInf()).put("w_inf_stderr_kT", fit.wInfError()).put("b_kT_tauD", fit.b())
                    .put("b_stderr_kT_tauD", fit.bError()).put("error_rate_at_longest_tau", errorAtLongest)
                    .put("landauer_bound_at_longest_tau_kT", boundAtLongest);
        }
    }

    /**
     * Experiment 2: the cheapest four-step protocol found at one duration and error target.
     *
     * @param phases         the four phase fractions of τ
     * @param onBounds       parameters on a bound of the search box, or empty
     * @param fault          a violated bound (a numerical fault), or empty
     * @param foundForTarget the target of the optimisation that found this protocol (a stricter one may win)
     */
    public record Frontier(double tau, double targetError, boolean feasible, Verified fp, double barrier, double gMin,
                    double fMax, double[] phases, String onBounds, int evaluations, String fault, double foundForTarget,
                    ProtocolFamily.Member member, FullControlOptimum.Result fullControl) {
        /** This point with the full-control optimum at its τ, target and storing barrier (null: not converged). */
        Frontier with(FullControlOptimum.Result f) {
            return new Frontier(tau, targetError, feasible, fp, barrier, gMin, fMax, phases, onBounds, evaluations,
                    fault, foundForTarget, member, f);
        }

        Table.Row row() {
            final Table.Row r = new Table.Row().put("protocol.tau", tau)
                    .put("tau_in_intra_well_times", tau * 8 * barrier).put("target_error", targetError)
                    .put("feasible", feasible);
            fp.into(r);
            r.put("landauer_bound_kT", fp.landauerBound()).put("excess_over_landauer_kT", fp.excessOverLandauer())
                    .put("excess_over_landauer_numerical_error_kT", fp.excessOverLandauerError())
                    .put("log_inverse_error_kT", fp.logInverseError())
                    .put("log_inverse_error_numerical_error_kT", fp.logInverseErrorError())
                    .put("finite_time_bound_kT", fp.finiteTimeBound())
                    .put("barrier_kT", barrier).put("g_min", gMin).put("F_max_kT", fMax);
            putPhases(r, phases);
            r.put("full_control_min_work_kT", fullControl == null ? Double.NaN : fullControl.work())
                    .put("full_control_min_work_numerical_error_kT",
                            fullControl == null ? Double.NaN : fullControl.workError());
            return r.put("on_search_bounds", onBounds).put("evaluations", (long) evaluations).put("fault", fault)
                    .put("found_for_target", foundForTarget);
        }
    }

    /**
     * Experiment 2 with the rich family ({@link RichFrontierExperiment}): beside frontier point {@code four}, the least
     * work the spline family was found to need at the same τ, target and storing barrier, and the full-control optimum.
     *
     * @param barrier        the tabulated protocol's storing barrier (kT): that of the frontier point it was searched at
     * @param fp             the tabulated rich protocol, verified (the cheapest at this τ that meets the target)
     * @param feasible       whether its verified ε meets the target
     * @param foundForTarget the target it was searched for (a stricter one where that protocol meets this target for
     *                       less work)
     * @param startWork      this target's starts: ⟨W⟩ of each start's best point meeting the aim on the search grid
     *                       (NaN: none did)
     * @param startVerified  the same points verified (NaN: none, or the verified ε misses the target)
     * @param spread         (max − min)/min of the finite verified ones (NaN: fewer than two)
     * @param onBox          node values on the family's box (g = 0 or 1, F = ± the tilt cap)
     * @param protocol       the tabulated rich protocol (where the rich crossover's searches start)
     */
    public record RichPoint(Frontier four, int nodes, double barrier, Verified fp, boolean feasible,
                            double foundForTarget, double[] startWork, double[] startVerified, double spread,
                            int polishRounds, int onBox, int evaluations, String fault,
                            org.erasure.protocol.Protocol protocol) {

        /** Starts whose best point, verified, meets the target. */
        int startsMet() {
            return (int) java.util.Arrays.stream(startVerified).filter(Double::isFinite).count();
        }


        Table.Row row() {
            final double fc = four.fullControl() == null ? Double.NaN : four.fullControl().work();
            final double fcError = four.fullControl() == null ? Double.NaN : four.fullControl().workError();
            final double level = ErasureBounds.logInverseError(four.targetError());
            final Table.Row r = new Table.Row().put("protocol.tau", four.tau()).put("target_error", four.targetError())
                    .put("barrier_kT", barrier).put("four_step_barrier_kT", four.barrier()).put("nodes", (long) nodes)
                    .put("feasible", feasible);
            fp.into(r);
            return r.put("four_step_mean_work_kT", four.fp().meanWork())
                    .put("four_step_mean_work_numerical_error_kT", four.fp().meanWorkError())
                    .put("four_step_feasible", four.feasible())
                    .put("full_control_min_work_kT", fc)
                    .put("full_control_min_work_numerical_error_kT", fcError)
                    .put("log_inverse_error_kT", level)
                    .put("work_ratio_four_step_to_rich", four.fp().meanWork() / fp.meanWork())
                    .put("work_ratio_four_step_to_rich_numerical_error", FokkerPlanckText.ratioError(
                            four.fp().meanWork(), four.fp().meanWorkError(), fp.meanWork(), fp.meanWorkError()))
                    .put("work_ratio_rich_to_full_control", fp.meanWork() / fc)
                    .put("work_ratio_rich_to_full_control_numerical_error", FokkerPlanckText.ratioError(fp.meanWork(),
                            fp.meanWorkError(), fc, fcError))
                    .put("work_ratio_four_step_to_full_control", four.fp().meanWork() / fc)
                    .put("work_ratio_four_step_to_full_control_numerical_error", FokkerPlanckText.ratioError(
                            four.fp().meanWork(), four.fp().meanWorkError(), fc, fcError))
                    .put("rich_below_log_inverse_error", feasible && fp.meanWork() + fp.meanWorkError() < level)
                    .put("starts_mean_work_kT", org.erasure.io.OptimizeText.works(startVerified, "; ", "missed")).put("starts_meeting_target", (long) startsMet())
                    .put("start_spread", spread)
                    .put("starts_mean_work_search_grid_kT", org.erasure.io.OptimizeText.works(startWork, "; ", "missed"))
                    .put("start_spread_search_grid", org.erasure.optimize.GradientOptimizer.spread(startWork))
                    .put("polish_rounds", (long) polishRounds)
                    .put("values_on_box", (long) onBox).put("evaluations", (long) evaluations).put("fault", fault)
                    .put("found_for_target", foundForTarget);
        }
    }

    /** Experiment 2's Monte Carlo confirmation: a four-step protocol whose tilt gives a resolvable ε. */
    public record FrontierCheck(double tau, double barrier, double gMin, double fMax, Verified fp, MonteCarloCheck mc) {
        Table.Row row() {
            final Table.Row r = new Table.Row().put("protocol.tau", tau).put("barrier_kT", barrier).put("g_min", gMin)
                    .put("F_max_kT", fMax);
            fp.into(r);
            return r.put("landauer_bound_kT", fp.landauerBound()).put("mc_trajectories", mc.trajectories())
                    .put("mc_mean_work_kT", mc.meanWork()).put("mc_stderr_work_kT", mc.workStderr())
                    .put("mc_mean_work_timestep_error_kT", mc.workTimeStepError())
                    .put("mc_error_rate", mc.error().rate()).put("mc_error_ci_low", mc.error().low())
                    .put("mc_error_ci_high", mc.error().high())
                    .put("mc_error_rate_timestep_error", mc.errorTimeStepError()).put("mc_agrees", mc.agrees());
        }
    }

    /**
     * Experiment 2's confirmation deep in the tail: adaptive multilevel splitting on the frontier protocol with the
     * smallest ε at the shortest duration whose target is at most 1e-15, among the points within the numerical
     * tolerance that span at least {@link ClaimsRunner#AMS_MIN_STEPS} Monte Carlo steps (Heun at the Monte Carlo step).
     *
     * @param agrees the FP ε inside the splitting estimate's 99 % log-normal interval
     */
    public record AmsCheck(double tau, double targetError, Verified fp, AmsTimeStep.Outcome step, double dt,
                           boolean agrees) {
        /**
         * Agreement: the FP ε inside the splitting estimate's 99 % interval widened by its time-step error, the factor
         * e^{|Δ ln ε|} on each side (sampling and time step together; the sampling interval alone where the time-step
         * error could not be estimated).
         */
        static AmsCheck of(Frontier f, AmsTimeStep.Outcome step, double dt) {
            return of(f.tau(), f.targetError(), f.fp(), 0, step, dt);
        }

        /**
         * As {@link #of(Frontier, AmsTimeStep.Outcome, double)}, for a value at duration τ (target NaN: none) with
         * {@code fpError} of slack on the Fokker–Planck side: agreement where ε ± fpError meets the widened interval
         * (experiment 6 gives the phase-space value's numerical error, which is not negligible; the 1-D solver's is).
         */
        static AmsCheck of(double tau, double target, Verified fp, double fpError, AmsTimeStep.Outcome step,
                           double dt) {
            final double[] ci99 = step.estimate().interval(2.576);
            final double widen = Double.isNaN(step.logError()) ? 1 : Math.exp(step.logError());
            return new AmsCheck(tau, target, fp, step, dt,
                    fp.errorRate() + fpError >= ci99[0] / widen && fp.errorRate() - fpError <= ci99[1] * widen);
        }

        /** The splitting estimate at the run's step. */
        public AmsResult ams() {
            return step.estimate();
        }

        Table.Row row() {
            final AmsResult ams = ams();
            final Table.Row r = new Table.Row().put("protocol.tau", tau).put("target_error", targetError)
                    .put("dt_tauD", dt).put("fp_error_rate", fp.errorRate())
                    .put("fp_error_rate_numerical_error", fp.errorRateError()).put("ams_error_rate", ams.errorRate())
                    .put("ams_error_rate_stderr", ams.standardError()).put("ams_error_ci_low", ams.ciLow())
                    .put("ams_error_ci_high", ams.ciHigh())
                    .put("ams_error_rate_at_second_dt", step.second() == null ? Double.NaN : step.second().errorRate())
                    .put("ams_second_dt_tauD", step.secondDt())
                    .put("ams_log_error_rate_timestep_error", step.logError())
                    .put("ams_error_rate_timestep_error", step.error())
                    .put("ams_within_timestep_tolerance", step.withinTolerance())
                    .put("ams_replicas", (long) ams.replicas())
                    .put("ams_repetitions", (long) ams.repetitions()).put("ams_score", ams.score())
                    .put("ams_iterations", ams.iterations()).put("ams_particle_steps", ams.particleSteps());
            return r.put("agrees", agrees);
        }
    }

    /** An erasure into the storing well: duration τ (τ_D), its verified result, whether it met ε. */
    public record Erasing(double tau, Verified fp, boolean feasible) {
    }

    /**
     * Experiment 3: the barrier (kT) that keeps a bit {@code holdTime} (τ_D) at error ε, with its numerical error (kT:
     * the difference to the barrier found on half the cells), and, at the longest hold, the erasure into a well of that
     * barrier (null at the other holds).
     */
    public record Storing(double holdTime, double errorRate, double barrierNeeded, double barrierNeededError,
                          Erasing erase) {
        double logInverseError() {
            return ErasureBounds.logInverseError(errorRate);
        }

        Table.Row row() {
            final Table.Row r = new Table.Row().put("hold_time_tauD", holdTime).put("error_rate", errorRate)
                    .put("barrier_needed_kT", barrierNeeded).put("barrier_needed_numerical_error_kT", barrierNeededError)
                    .put("log_inverse_error_kT", logInverseError());
            if (erase != null) {
                r.put("erase_tau_tauD", erase.tau()).put("erase_mean_work_kT", erase.fp().meanWork())
                        .put("erase_mean_work_numerical_error_kT", erase.fp().meanWorkError())
                        .put("erase_error_rate", erase.fp().errorRate())
                        .put("erase_error_rate_numerical_error", erase.fp().errorRateError())
                        .put("erase_feasible", erase.feasible());
            }
            return r;
        }
    }

    /**
     * Experiment 4 at one error target: the verified minimal-work point per duration (tabulated as its excess over the
     * bound, with the excess's numerical error), and the fit W∞ + B/τ of the
     * minimal work over the durations [fitTauMin, fitTauMax] (null with fewer than three there); the fit is not
     * used outside that range (the crossover τ* is measured: {@link Crossover}).
     */
    public record Speed(double targetError, Map<Double, Verified> byTau, InverseTauFit fit, double fitTauMin,
                        double fitTauMax) {

        /**
         * One row per duration (tidy: τ is a column): the target, its bounds, τ, the excess over the Landauer bound
         * with its numerical error, and the W∞ + B/τ fit of the error target.
         */
        List<Table.Row> rows() {
            final List<Table.Row> rows = new java.util.ArrayList<>();
            byTau.forEach((tau, v) -> {
                final Table.Row r = new Table.Row().put("target_error", targetError)
                        .put("log_inverse_error_kT", ErasureBounds.logInverseError(targetError))
                        .put("landauer_bound_kT", ErasureBounds.generalizedLandauer(targetError))
                        .put("protocol.tau", tau).put("excess_kT", v.excessOverLandauer())
                        .put("excess_numerical_error_kT", v.excessOverLandauerError());
                if (fit != null) {
                    r.put("fit_tau_min_tauD", fitTauMin).put("fit_tau_max_tauD", fitTauMax)
                            .put("fit_w_inf_kT", fit.wInf()).put("fit_w_inf_stderr_kT", fit.wInfError())
                            .put("fit_b_kT_tauD", fit.b()).put("fit_b_stderr_kT_tauD", fit.bError());
                }
                rows.add(r);
            });
            return rows;
        }
    }

    /**
     * Experiment 5: the cheapest protocol of one class at one duration and error target, at equal storage: the
     * potential ends with {@code barrier}, which keeps a bit {@code holdTime} at ε/2, and ε is judged after that hold.
     *
     * @param protocolClass "barrier-lowering" or "fixed-barrier"
     */
    public record ClassPoint(String protocolClass, double tau, double targetError, double barrier, double holdTime,
                             boolean feasible, Verified fp, double gMin, double fMax, double[] phases, String onBounds,
                             String fault) {
        double logInverseError() {
            return ErasureBounds.logInverseError(targetError);
        }

        Table.Row row() {
            final Table.Row r = new Table.Row().put("protocol_class", protocolClass).put("protocol.tau", tau)
                    .put("tau_in_intra_well_times", tau * 8 * barrier).put("target_error", targetError).put("barrier_kT", barrier).put("hold_time_tauD", holdTime)
                    .put("feasible", feasible);
            fp.into(r);
            r.put("log_inverse_error_kT", logInverseError())
                    .put("work_over_log_inverse_error", fp.meanWork() / logInverseError())
                    .put("work_over_log_inverse_error_numerical_error", fp.meanWorkError() / logInverseError())
                    .put("excess_over_landauer_kT", fp.excessOverLandauer())
                    .put("excess_over_landauer_numerical_error_kT", fp.excessOverLandauerError())
                    .put("g_min", gMin).put("F_max_kT", fMax);
            putPhases(r, phases);
            return r.put("on_search_bounds", onBounds).put("fault", fault);
        }
    }

    /**
     * Experiment 5's controller: the energy W_η = ⟨W⁺⟩ + η⟨W⁻⟩ drawn at a protocol by a controller that recovers a
     * fraction η of the energy the potential gives back (SPEC 2.4), and the η needed to stay below 2 kT ln 2.
     */
    public record Controller(ClassPoint point, List<Double> efficiencies) {
        /** The η at which W_η = 2 kT ln 2 (NaN: not even at η = 1). */
        double efficiencyFor2Ln2() {
            return point.fp().efficiencyNeeded(2 * Math.log(2));
        }

        /**
         * One row per efficiency η (tidy: η is a column, not part of a column's name): the protocol, η, the energy
         * drawn W_η = W⁺ + η W⁻ with its numerical error, and the η that brings W_η to 2 kT ln 2.
         */
        List<Table.Row> rows() {
            final Verified v = point.fp();
            final List<Table.Row> rows = new java.util.ArrayList<>();
            for (double eta : efficiencies) {
                rows.add(new Table.Row().put("protocol_class", point.protocolClass()).put("protocol.tau", point.tau())
                        .put("target_error", point.targetError()).put("mean_work_kT", v.meanWork())
                        .put("mean_work_numerical_error_kT", v.meanWorkError()).put("mean_work_plus_kT", v.meanWorkPlus())
                        .put("mean_work_plus_numerical_error_kT", v.meanWorkPlusError())
                        .put("mean_work_minus_kT", v.meanWorkMinus())
                        .put("mean_work_minus_numerical_error_kT", v.meanWorkMinusError())
                        .put("eta", eta).put("drawn_kT", v.drawn(eta)).put("drawn_numerical_error_kT", v.drawnError(eta))
                        .put("eta_needed_for_2ln2", efficiencyFor2Ln2())
                        .put("eta_needed_numerical_error", point.fp().efficiencyNeededError(2 * Math.log(2))));
            }
            return rows;
        }
    }

    /**
     * Experiment 4's crossover at one error target: the duration τ* at which the minimal ⟨W⟩ equals kT ln(1/ε),
     * by regula falsi on (ln τ, ln ⟨W⟩_min) between measured durations that bracket it, each iterate a new
     * optimisation; τ* is the last interpolation inside the last measured bracket. NaN where nothing brackets it.
     *
     * @param tauLow  the bracket's shorter duration (⟨W⟩_min above kT ln(1/ε) there)
     * @param tauHigh its longer one (below)
     * @param note    how it was found, or why not
     * @param full    the full-control crossover τ_low beside it (null until attached)
     */
    public record Crossover(double targetError, double tauLow, double workLow, double workLowError, double tauHigh,
                            double workHigh, double workHighError, double tauStar, int optimisations, String note,
                            FullControlCrossover full) {
        /** This crossover with the full-control one attached. */
        Crossover with(FullControlCrossover f) {
            return new Crossover(targetError, tauLow, workLow, workLowError, tauHigh, workHigh, workHighError, tauStar,
                    optimisations, note, f);
        }

        Table.Row row() {
            final Table.Row r = new Table.Row().put("target_error", targetError)
                    .put("log_inverse_error_kT", ErasureBounds.logInverseError(targetError))
                    .put("tau_star_tauD", tauStar).put("bracket_tau_low_tauD", tauLow)
                    .put("bracket_work_low_kT", workLow).put("bracket_work_low_numerical_error_kT", workLowError)
                    .put("bracket_tau_high_tauD", tauHigh).put("bracket_work_high_kT", workHigh)
                    .put("bracket_work_high_numerical_error_kT", workHighError).put("root_finding_optimisations", (long) optimisations)
                    .put("note", note);
            if (full != null) {
                r.put("full_control_barrier_kT", full.barrier()).put("tau_low_full_control_tauD", full.tauLow())
                        .put("tau_low_full_control_numerical_error_tauD", full.tauLowError())
                        .put("full_control_min_work_at_tau_star_kT", full.workAtTauStar())
                        .put("full_control_min_work_at_tau_star_numerical_error_kT", full.workAtTauStarError())
                        .put("full_control_note", full.note());
            }
            return r;
        }
    }

    /**
     * The lower end of the B crossover: the duration τ_low below which even the full-control optimum (the least work
     * over all potentials that start and end at the storing well of barrier E_b) exceeds kT ln(1/ε), so that B holds
     * for every protocol there (see {@link FullControlExperiment}).
     *
     * @param barrier           the storing barrier E_b in kT (the lowest of the search range)
     * @param tauLow            τ_low in τ_D (NaN: not found)
     * @param tauLowError       its numerical error in τ_D, from W_min's
     * @param workAtTauStar     W_min at the τ* of the protocols found, in kT (NaN: no τ*)
     * @param workAtTauStarError its numerical error in kT
     * @param note              how it was found and checked, or why not
     * @param curve             W_min over the durations of the frontier and around τ_low
     */
    public record FullControlCrossover(double barrier, double tauLow, double tauLowError, double workAtTauStar,
                                       double workAtTauStarError, String note, List<FullControlPoint> curve) {
        static FullControlCrossover none(double barrier, String why) {
            return new FullControlCrossover(barrier, Double.NaN, Double.NaN, Double.NaN, Double.NaN, why, List.of());
        }
    }

    /**
     * One point of the full-control optimum W_min(τ) at a target ε and storing barrier E_b (full_control.csv and the
     * speed figure).
     */
    public record FullControlPoint(double targetError, double barrier, double tau, double work, double workError) {
        Table.Row row() {
            return new Table.Row().put("target_error", targetError).put("barrier_kT", barrier).put("tau_tauD", tau)
                    .put("full_control_min_work_kT", work).put("full_control_min_work_numerical_error_kT", workError)
                    .put("excess_over_landauer_kT", work - ErasureBounds.generalizedLandauer(targetError))
                    .put("log_inverse_error_kT", ErasureBounds.logInverseError(targetError));
        }
    }

    /** One row of the verdict table. */
    /** What a verdict says of its claim, as a type (the sentence says it in words). */
    public enum Stance {
        /** The measurement supports the claim. */
        SUPPORTS,
        /** The measurement contradicts the claim. */
        CONTRADICTS,
        /** The claim holds in part of the range measured, or the protocol falls short of it. */
        PARTLY,
        /** The measurement cannot decide (a target missed, a bracket not found). */
        UNDECIDED,
        /** Two engines agree. */
        CONSISTENT,
        /** Two engines disagree beyond their errors. */
        INCONSISTENT,
        /** A result fell below a thermodynamic bound: nothing below is to be trusted. */
        FAULT,
        /** A measured finding that bears on a claim without deciding it. */
        FINDING,
        /** What the model leaves out. */
        SCOPE
    }

    /**
     * One row of the verdict table: the claim, the test, what was measured, the stance taken and the sentence that says
     * it (verdict.csv has both: the stance in a word for programs, the sentence for readers), and the files that hold its
     * numbers in tidy form.
     */
    public record Verdict(String claim, String test, String measured, Stance stance, String verdict, String data) {

        /** A verdict whose numbers are in no file of the run ({@code data} empty). */
        public Verdict(String claim, String test, String measured, Stance stance, String verdict) {
            this(claim, test, measured, stance, verdict, "");
        }

        /**
         * The same verdict naming the files of the run (space-separated) that hold its measured numbers one per
         * cell, with their errors: {@code measured} says them in words for readers, these hold them for programs.
         */
        Verdict withData(String files) {
            return new Verdict(claim, test, measured, stance, verdict, files);
        }

        Table.Row row() {
            return new Table.Row().put("claim", claim).put("test", test).put("measured", measured)
                    .put("stance", stance.name().toLowerCase(java.util.Locale.ROOT)).put("verdict", verdict)
                    .put("data", data);
        }
    }

    /** The four phase fractions of a four-step protocol (of τ), from its keyframe times. */
    static double[] phaseFractions(org.erasure.protocol.KeyframeProtocol p) {
        final double[] t = p.times();
        return new double[] {t[1], t[2] - t[1], t[3] - t[2], 1 - t[3]};
    }

    /** phase_1_fraction ... phase_4_fraction: one number a column (once a slash-joined list). */
    static void putPhases(Table.Row r, double[] phases) {
        for (int i = 0; i < phases.length; i++) {
            r.put("phase_" + (i + 1) + "_fraction", phases[i]);
        }
    }

    static <T> Table table(List<T> rows, java.util.function.Function<T, Table.Row> row) {
        return Table.of(rows.stream().map(row).toList());
    }
}
