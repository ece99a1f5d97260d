package org.erasure.langevin;

import org.erasure.stats.TrajectoryObserver;
import org.erasure.physics.Potential;
import org.erasure.protocol.Protocol;
import org.erasure.stats.ErasureTally;

/**
 * Runs blocks of at most {@link #BLOCK_SIZE} trajectories, overdamped or underdamped, time outer and
 * trajectories inner. One worker per thread: it owns its scratch arrays and allocates nothing per
 * time step. The protocol is followed by the hold, if any; the error is recorded at the end of the
 * protocol and at the end of the run.
 */
final class BlockWorker {

    /** Trajectories per block; fixed so that results do not depend on the thread count. */
    static final int BLOCK_SIZE = 256;
    /** Time steps whose controls are computed at once. */
    private static final int CHUNK = 1024;

    private final LangevinRun run;
    private final Potential potential;
    private final Protocol protocol;
    private final BoltzmannSampler initial;
    private final long steps;
    private final long protocolSteps;
    private final boolean underdamped;
    private final double mass;
    private final double dt;
    private final double noiseScale;
    private final double c0Start;
    private final double c1Start;
    private final double barrierStart;
    private final double barrierEnd;

    private final double[] x = new double[BLOCK_SIZE];
    private final double[] x0 = new double[BLOCK_SIZE];
    private final TrajectoryObserver recording;
    private final long[] recordSteps;
    private final double[] u = new double[BLOCK_SIZE];
    private final double[] u0 = new double[BLOCK_SIZE];
    private final double[] w = new double[BLOCK_SIZE];
    private final double[] wAbs = new double[BLOCK_SIZE];
    private final double[] q = new double[BLOCK_SIZE];
    private final int[] bit = new int[BLOCK_SIZE];
    private final double[] v = new double[BLOCK_SIZE];
    private final double[] k0 = new double[BLOCK_SIZE];
    private final boolean[] wrongAtProtocolEnd = new boolean[BLOCK_SIZE];
    private final double[] noise = new double[BLOCK_SIZE];
    private final GaussianLanes lanes = new GaussianLanes(BLOCK_SIZE);
    private final double[] jump = new double[BLOCK_SIZE];
    private final double[] force = new double[BLOCK_SIZE];
    private final double[] c0 = new double[CHUNK];
    private final double[] c1 = new double[CHUNK];

    // the coupled twin at twice the step (empty arrays when the run does not estimate its time-step error)
    private final boolean coupled;
    private final double ouDecay;
    private final double ouPairNorm;
    private final double[] xc;
    private final double[] vc;
    private final double[] uc;
    private final double[] wc;
    private final double[] wAbsc;
    private final double[] qc;
    private final double[] jumpc;
    private final double[] noisec;
    private final boolean[] wrongAtProtocolEndc;
    private boolean coarseDiverged;

    BlockWorker(LangevinRun run, BoltzmannSampler initial) {
        this(run, initial, null);
    }

    /** @param recording what to record beyond the tallies, or null */
    BlockWorker(LangevinRun run, BoltzmannSampler initial, TrajectoryObserver recording) {
        this.run = run;
        this.recording = recording;
        this.recordSteps = recording == null ? new long[0] : recording.observedSteps();
        this.potential = run.problem().potential();
        this.protocol = run.problem().protocol();
        this.initial = initial;
        this.protocolSteps = run.steps();
        this.steps = protocolSteps + run.holdSteps();
        this.underdamped = run.integrator().underdamped();
        this.mass = run.mass();
        this.dt = run.effectiveDt();
        this.noiseScale = Math.sqrt(2 * dt);
        this.c0Start = protocol.control0(0);
        this.c1Start = protocol.control1(0);
        final double tau = protocol.duration();
        this.barrierStart = potential.barrierPosition(c0Start, c1Start);
        this.barrierEnd = potential.barrierPosition(protocol.control0(tau), protocol.control1(tau));
        this.coupled = run.timeStepError();
        // BAOAB's O step over dt is v -> c v + s xi with c = exp(-dt/mu); two of them are one O step over 2dt with the
        // noise (c xi_1 + xi_2)/sqrt(1 + c^2), exactly (overdamped: c = 1, the sum of the two increments over sqrt 2)
        this.ouDecay = underdamped ? StrictMath.exp(-dt / mass) : 1;
        this.ouPairNorm = 1 / Math.sqrt(1 + ouDecay * ouDecay);
        final int m = coupled ? BLOCK_SIZE : 0;
        this.xc = new double[m];
        this.vc = new double[underdamped ? m : 0];
        this.uc = new double[m];
        this.wc = new double[m];
        this.wAbsc = new double[m];
        this.qc = new double[m];
        this.jumpc = new double[m];
        this.noisec = new double[m];
        this.wrongAtProtocolEndc = new boolean[m];
    }

    /**
     * Simulates n ≤ BLOCK_SIZE trajectories on the given block stream (initial states; the noise comes
     * from its {@link GaussianLanes}) and tallies them into out.
     */
    void runBlock(int n, GaussianStream rng, ErasureTally out) {
        runBlock(n, rng, out, 0);
    }

    /** As {@link #runBlock(int, GaussianStream, ErasureTally)}; the block's first trajectory has number firstIndex. */
    void runBlock(int n, GaussianStream rng, ErasureTally out, long firstIndex) {
        simulate(n, rng, firstIndex);
        // the differences to the coupled twin, unless it diverged (then the estimate is void, said once per block)
        final org.erasure.stats.TimeStepTally twin = coupled && !coarseDiverged ? out.timeStep() : null;
        if (coupled && coarseDiverged && out.timeStep() != null) {
            out.timeStep().markCoarseDiverged();
        }
        for (int i = 0; i < n; i++) {
            final double dk = underdamped ? 0.5 * mass * v[i] * v[i] - k0[i] : 0;
            final boolean wrong = run.problem().target().isWrong(x[i], barrierEnd);
            out.add(w[i], wAbs[i], q[i], u[i] - u0[i], dk, x[i], bit[i], wrong, wrongAtProtocolEnd[i]);
            if (twin != null) {
                final boolean wrongc = run.problem().target().isWrong(xc[i], barrierEnd);
                twin.add(w[i] - wc[i], wAbs[i] - wAbsc[i], q[i] - qc[i], (wrong ? 1 : 0) - (wrongc ? 1 : 0),
                        (wrongAtProtocolEnd[i] ? 1 : 0) - (wrongAtProtocolEndc[i] ? 1 : 0));
            }
            if (recording != null && recording.wantsTrajectories()) {
                recording.trajectory(firstIndex + i, x0[i], x[i], w[i], wAbs[i], q[i], bit[i], wrong);
            }
        }
    }

    /** Simulates n trajectories and returns their final positions (for tests of the distribution). */
    double[] runBlockPositions(int n, GaussianStream rng) {
        simulate(n, rng, 0);
        return java.util.Arrays.copyOf(x, n);
    }

    private void simulate(int n, GaussianStream rng, long firstIndex) {
        lanes.reseed(rng, n);
        final double fixedStart = run.fixedStart();
        for (int i = 0; i < n; i++) {
            final double xi = Double.isNaN(fixedStart) ? initial.sample(rng) : fixedStart;
            x[i] = xi;
            x0[i] = xi;
            u[i] = potential.energy(xi, c0Start, c1Start);
            u0[i] = u[i];
            w[i] = 0;
            wAbs[i] = 0;
            q[i] = 0;
            bit[i] = xi > barrierStart ? 1 : 0;
        }
        if (underdamped) {
            final double sd = 1 / Math.sqrt(mass);                 // Maxwell: <v²> = kT/m
            for (int i = 0; i < n; i++) {
                v[i] = sd * rng.nextGaussian();
                k0[i] = 0.5 * mass * v[i] * v[i];
            }
        }
        coarseDiverged = false;
        if (coupled) {
            System.arraycopy(x, 0, xc, 0, n);
            System.arraycopy(u, 0, uc, 0, n);
            System.arraycopy(u, 0, jumpc, 0, n);
            java.util.Arrays.fill(wc, 0, n, 0);
            java.util.Arrays.fill(wAbsc, 0, n, 0);
            java.util.Arrays.fill(qc, 0, n, 0);
            if (underdamped) {
                System.arraycopy(v, 0, vc, 0, n);
            }
        }
        double prevc0 = c0Start;
        double prevc1 = c1Start;
        boolean pairOpen = false;
        final Integrator integrator = run.integrator();
        // overdamped steps run with each step's relaxation folded into the next step's control jump;
        // the first one closes the "relaxation" of the initial state, U(x_0; λ_0), with zero heat
        if (!underdamped) {
            System.arraycopy(u, 0, jump, 0, n);
        }
        double prev0 = c0Start;
        double prev1 = c1Start;
        if (protocolSteps == 0) {
            markProtocolEnd(n);
        }
        if (recording != null) {
            recording.started(bit, n);
            record(0, firstIndex, n);
        }
        int nextRecord = 0;
        while (nextRecord < recordSteps.length && recordSteps[nextRecord] <= 0) {
            nextRecord++;
        }
        long k = 0;
        while (k < steps) {
            // chunks never straddle the end of the protocol, where the error is recorded
            final long limit = k < protocolSteps ? protocolSteps : steps;
            final int count = (int) Math.min(CHUNK, limit - k);
            protocol.fill((k + 1) * dt, dt, count, c0, c1);
            for (int j = 0; j < count; j++) {
                lanes.fill(noise, n);
                if (underdamped) {
                    UnderdampedKernel.baoabStep(potential, x, v, u, w, wAbs, q, noise, jump, n, c0[j], c1[j], dt, mass, 1);
                } else if (integrator == Integrator.HEUN) {
                    OverdampedKernel.heunStepPending(potential, x, w, wAbs, q, noise, jump, force, n, prev0, prev1, c0[j],
                            c1[j], dt, noiseScale);
                } else {
                    OverdampedKernel.eulerStepPending(potential, x, w, wAbs, q, noise, jump, n, prev0, prev1, c0[j], c1[j],
                            dt, noiseScale);
                }
                prev0 = c0[j];
                prev1 = c1[j];
                if (coupled && !coarseDiverged) {
                    // the twin steps once every two fine steps on their combined noise, or alone at the end of the
                    // protocol or run when a step is left over (it then takes the fine step's own increment)
                    final long done = k + j + 1;
                    if (!pairOpen) {
                        System.arraycopy(noise, 0, noisec, 0, n);
                    } else {
                        for (int i = 0; i < n; i++) {
                            noisec[i] = (ouDecay * noisec[i] + noise[i]) * ouPairNorm;
                        }
                    }
                    pairOpen = !pairOpen;
                    if (!pairOpen || done == protocolSteps || done == steps) {
                        final double dtc = pairOpen ? dt : 2 * dt;
                        coarseStep(integrator, n, prevc0, prevc1, c0[j], c1[j], dtc);
                        prevc0 = c0[j];
                        prevc1 = c1[j];
                        pairOpen = false;
                    }
                }
                // recording looks at the positions after the step, leaving the chunks (and so every number) as they are
                if (nextRecord < recordSteps.length && recordSteps[nextRecord] == k + j + 1) {
                    record(k + j + 1, firstIndex, n);
                    nextRecord++;
                }
            }
            k += count;
            checkFinite(n, k * dt);
            if (k == protocolSteps) {
                markProtocolEnd(n);
            }
        }
        if (!underdamped) {
            OverdampedKernel.relaxHeat(potential, x, u, q, jump, n, prev0, prev1);
            if (coupled && !coarseDiverged) {
                OverdampedKernel.relaxHeat(potential, xc, uc, qc, jumpc, n, prevc0, prevc1);
            }
        }
    }

    /** One step of the coupled twin on noisec, of length dtc (2dt, or dt for a step left over). */
    private void coarseStep(Integrator integrator, int n, double p0, double p1, double c0j, double c1j, double dtc) {
        if (underdamped) {
            UnderdampedKernel.baoabStep(potential, xc, vc, uc, wc, wAbsc, qc, noisec, jumpc, n, c0j, c1j, dtc, mass, 1);
        } else if (integrator == Integrator.HEUN) {
            OverdampedKernel.heunStepPending(potential, xc, wc, wAbsc, qc, noisec, jumpc, force, n, p0, p1, c0j, c1j,
                    dtc, Math.sqrt(2 * dtc));
        } else {
            OverdampedKernel.eulerStepPending(potential, xc, wc, wAbsc, qc, noisec, jumpc, n, p0, p1, c0j, c1j, dtc,
                    Math.sqrt(2 * dtc));
        }
    }

    /** Sample paths and wrong-side counts at step k (the barrier and target of that time). */
    private void record(long k, long firstIndex, int n) {
        final double t = Math.min(k * dt, protocol.duration());
        final double xb = potential.barrierPosition(protocol.control0(t), protocol.control1(t));
        recording.atStep(k, firstIndex, x, bit, n, xi -> run.problem().target().isWrong(xi, xb));
    }

    private void markProtocolEnd(int n) {
        for (int i = 0; i < n; i++) {
            wrongAtProtocolEnd[i] = run.problem().target().isWrong(x[i], barrierEnd);
        }
        if (coupled) {
            for (int i = 0; i < n; i++) {
                wrongAtProtocolEndc[i] = run.problem().target().isWrong(xc[i], barrierEnd);
            }
        }
    }

    private void checkFinite(int n, double t) {
        if (coupled && !coarseDiverged) {
            // the twin at 2dt may leave the sane range where the run itself does not: its estimate is then void
            for (int i = 0; i < n; i++) {
                if (Divergence.diverged(xc[i]) || !Double.isFinite(wc[i]) || !Double.isFinite(qc[i])) {
                    coarseDiverged = true;
                    break;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (Divergence.diverged(x[i]) || !Double.isFinite(w[i]) || !Double.isFinite(q[i])) {
                throw Divergence.at(x[i], t, dt);
            }
        }
    }
}
