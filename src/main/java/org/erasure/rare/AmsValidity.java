package org.erasure.rare;

import org.erasure.langevin.LangevinRun;

/**
 * Whether a splitting estimate can be vouched for: the score used has been checked against direct sampling at this
 * problem's local quality factor √(U''μ), and the repetitions agree well enough for their standard error to mean
 * something. The policy lives here, beside the scores; the words for a user are the result writers' business.
 *
 * @param quality        √(U''μ) in the well of the final controls (0 for overdamped dynamics)
 * @param scoreKey       the score used
 * @param phaseSpaceScore whether it is the phase-space committor
 * @param scoreValidated whether the score has been checked at this quality (always, for overdamped dynamics)
 * @param relativeError  the estimate's relative standard error
 * @param repetitions    repetitions per bit value
 * @param precise        whether the relative standard error is at most {@link #TRUSTED_RELATIVE_ERROR}
 */
public record AmsValidity(double quality, String scoreKey, boolean phaseSpaceScore, boolean scoreValidated,
                          double relativeError, int repetitions, boolean precise) {

    /**
     * The overdamped committor score (at x + μv) has been checked against direct sampling up to a local quality
     * factor √(U''μ) of 2.5 (μ = 0.1) and trusted to this one; on the cantilever (Q = 7) it came out 1000 times below
     * direct sampling (8.9e-8 vs 7.7e-5).
     */
    public static final double VALIDATED_QUALITY = 4;

    /**
     * The range of quality factors over which the phase-space committor score has been checked: against direct
     * sampling from 2.5 to 7 (the cantilever protocol at c = 3 to 4, one and two periods), and against the phase-space
     * solver at Q = 1, 3 and 7 with ε from 1e-7 down to 3e-17 (the cantilever protocol at c = 5, 6.5 and 8, four
     * periods: {@code scripts/phase-space-splitting-check}; see the README).
     */
    public static final double[] PHASE_SPACE_VALIDATED_QUALITY = {1, 7};

    /**
     * A relative standard error above this marks a splitting estimate whose error bar cannot be vouched for: on the
     * cantilever's deep tail (ε ~ 1e-16) repeated runs of 20 repetitions scattered by 10x with relative errors of 0.4
     * to 1, where the runs checked against direct sampling had 0.05 to 0.25.
     */
    public static final double TRUSTED_RELATIVE_ERROR = 0.5;

    /** The judgement of one splitting estimate of this run. */
    public static AmsValidity of(LangevinRun run, AmsResult ams) {
        final boolean underdamped = run.integrator().underdamped();
        final double quality = underdamped ? Score.quality(run.problem()) : 0;
        final boolean phaseSpace = ams.score().equals(Score.PhaseSpaceCommittorScore.KEY);
        final double[] r = PHASE_SPACE_VALIDATED_QUALITY;
        final boolean validated = !underdamped || (phaseSpace
                ? quality >= r[0] * (1 - 1e-9) && quality <= r[1] * (1 + 1e-9)
                : quality <= VALIDATED_QUALITY);
        return new AmsValidity(quality, ams.score(), phaseSpace, validated, ams.relativeError(), ams.repetitions(),
                !(ams.relativeError() > TRUSTED_RELATIVE_ERROR));
    }
}
