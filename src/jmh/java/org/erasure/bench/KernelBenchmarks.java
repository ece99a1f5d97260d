package org.erasure.bench;

import java.util.concurrent.TimeUnit;
import org.erasure.fokkerplanck.FokkerPlanckSolver;
import org.erasure.langevin.GaussianLanes;
import org.erasure.langevin.GaussianStream;
import org.erasure.langevin.OverdampedKernel;
import org.erasure.langevin.UnderdampedKernel;
import org.erasure.model.TargetWell;
import org.erasure.physics.PiecewiseHarmonicWell;
import org.erasure.physics.QuarticDoubleWell;
import org.erasure.protocol.KeyframeProtocol;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Micro-benchmarks of the hot parts, one block of 256 trajectories per invocation (ops = particle
 * steps or samples): the overdamped step kernels, the underdamped BAOAB kernel, the Gaussian source,
 * and a whole Fokker–Planck solve (ops = cell-steps). Run: mvn -P jmh -DskipTests package &amp;&amp;
 * java -jar target/benchmarks.jar
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelBenchmarks {

    static final int N = 256;

    final QuarticDoubleWell quartic = QuarticDoubleWell.of(8);
    final PiecewiseHarmonicWell piecewise = PiecewiseHarmonicWell.of();
    final GaussianStream rng = GaussianStream.ofSeed(1);
    final GaussianLanes lanes = new GaussianLanes(N);
    final double[] x = new double[N];
    final double[] v = new double[N];
    final double[] u = new double[N];
    final double[] w = new double[N];
    final double[] wAbs = new double[N];
    final double[] q = new double[N];
    final double[] noise = new double[N];
    final double[] s1 = new double[N];
    final double[] s2 = new double[N];
    double g = 1;

    @Setup
    public void setup() {
        for (int i = 0; i < N; i++) {
            x[i] = i % 2 == 0 ? 1 : -1;
            noise[i] = rng.nextGaussian();
        }
        lanes.reseed(rng, N);
    }

    /** Moves the barrier control g between two values (a control jump every step); returns the old g. */
    private double toggleControl() {
        final double previous = g;
        g = g == 1 ? 0.999999 : 1;
        return previous;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double eulerStep() {
        toggleControl();
        OverdampedKernel.eulerStep(quartic, x, u, w, wAbs, q, noise, s1, N, g, 0, 1e-4, 0.014);
        return x[7];
    }

    /** The engine's Euler step: the previous relaxation folded into the control jump. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double eulerStepPending() {
        final double previous = toggleControl();
        OverdampedKernel.eulerStepPending(quartic, x, w, wAbs, q, noise, s1, N, previous, 0, g, 0, 1e-4, 0.014);
        return x[7];
    }

    /** The engine's Heun step: the previous relaxation folded into the control jump. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double heunStepPending() {
        final double previous = toggleControl();
        OverdampedKernel.heunStepPending(quartic, x, w, wAbs, q, noise, s1, s2, N, previous, 0, g, 0, 1e-4, 0.014);
        return x[7];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double heunStep() {
        toggleControl();
        OverdampedKernel.heunStep(quartic, x, u, w, wAbs, q, noise, s1, s2, N, g, 0, 1e-4, 0.014);
        return x[7];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double baoabStepPiecewiseHarmonic() {
        UnderdampedKernel.baoabStep(piecewise, x, v, u, w, wAbs, q, noise, s1, N, 0, 5, 0.02, 49, 1);
        return x[7];
    }

    /** The engine's Gaussian source: one deviate for each of 256 lanes. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double gaussianLanesFill() {
        lanes.fill(s2, N);
        return s2[7];
    }

    /** One generator filling a buffer (the engine's source before lanes; still used for initial states). */
    @Benchmark
    @OperationsPerInvocation(N)
    public double gaussianSingleStreamFill() {
        rng.fillGaussian(s2, N);
        return s2[7];
    }

    @Benchmark
    @OperationsPerInvocation(2 * 2000 * 1000)
    public double fokkerPlanck2000CellsTimes1000Steps() {
        return FokkerPlanckSolver.solve(quartic, KeyframeProtocol.fourStep(1, 0, 8), TargetWell.RIGHT, 2000, 1e-3)
                .meanWork();
    }
}
