package org.erasure.langevin;

import org.erasure.stats.TrajectoryObserver;
import org.erasure.model.DivergenceException;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import java.util.ArrayList;
import java.util.List;
import org.erasure.stats.ErasureTally;
import org.erasure.util.Futures;

/**
 * Multithreaded, reproducible Monte Carlo of overdamped erasure trajectories (SPEC 3.1).
 *
 * <p>Trajectories are cut into blocks of {@value BlockWorker#BLOCK_SIZE}. Block b draws
 * from its own {@link GaussianStream}: the XoRoShiRo128++ generator seeded from the run's seed and
 * advanced by b long jumps of 2^96 (Blackman &amp; Vigna, ACM TOMS 47, 36 (2021)); its first 2^64
 * outputs give the initial states, and trajectory j's noise comes from its own lane, the block stream
 * advanced by (j + 1) jumps of 2^64 ({@link GaussianLanes}). Streams never overlap and belong to
 * blocks and trajectories, not threads. Block tallies are merged in block order; the result is therefore
 * bit-identical for any thread count.
 */
public final class LangevinMonteCarlo {

    /** The random source of the block streams; part of the reproducibility contract. */
    public static final String RANDOM_SOURCE = "XoRoShiRo128++ (SplitMix64-seeded; 2^96 long jumps per block, "
            + "2^64 jumps per trajectory lane) with 1024-layer ziggurat normals";

    private LangevinMonteCarlo() {
    }

    /** Trajectories per block (fixed). */
    public static int blockSize() {
        return BlockWorker.BLOCK_SIZE;
    }

    /**
     * Runs the trajectories on the given number of threads.
     *
     * @param progress called with the number of trajectories just finished (from worker threads), or null
     * @throws DivergenceException if a trajectory produced NaN or left the sane range
     */
    public static ErasureTally run(LangevinRun run, int threads, LongConsumer progress) {
        return run(run, threads, progress, null);
    }

    /**
     * As {@link #run(LangevinRun, int, LongConsumer)}, also filling {@code recording} (per-trajectory rows, sample
     * paths, ε(t)) when it is not null; the same numbers as without it.
     */
    public static ErasureTally run(LangevinRun run, int threads, LongConsumer progress, TrajectoryObserver recording) {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        final BoltzmannSampler initial = Double.isNaN(run.fixedStart())
                ? BoltzmannSampler.of(run.problem().potential(), run.problem().protocol().control0(0), run.problem().protocol().control1(0))
                : null;
        final long blockSize = BlockWorker.BLOCK_SIZE;
        final long blocks = (run.trajectories() + blockSize - 1) / blockSize;
        final BlockScheduler scheduler = new BlockScheduler(run.seed(), blocks, run.workHistogram(), run.timeStepError());
        final int workers = (int) Math.min(threads, blocks);
        final AtomicBoolean failed = new AtomicBoolean();
        final Runnable task = () -> {
            final BlockWorker worker = new BlockWorker(run, initial, recording);
            while (!failed.get()) {
                final Claim claim = scheduler.claim();
                if (claim == null) {
                    return;
                }
                final long b = claim.block();
                final GaussianStream rng = claim.rng();
                final int n = (int) Math.min(blockSize, run.trajectories() - b * blockSize);
                final ErasureTally tally = new ErasureTally(run.workHistogram(), run.timeStepError());
                try {
                    worker.runBlock(n, rng, tally, b * blockSize);
                } catch (RuntimeException e) {
                    failed.set(true);
                    throw e;
                }
                scheduler.complete(b, tally);
                if (progress != null) {
                    progress.accept(n);
                }
            }
        };
        if (workers == 1) {
            task.run();
            return scheduler.result();
        }
        final ExecutorService pool = Futures.daemonPool("langevin-worker", workers);
        try {
            final List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                futures.add(pool.submit(task));
            }
            for (Future<?> f : futures) {
                Futures.get(f);
            }
        } finally {
            pool.shutdownNow();
        }
        return scheduler.result();
    }

    /** A block handed to a worker, with its own random stream. */
    private record Claim(long block, GaussianStream rng) {
    }

    /** Hands out blocks with their random streams in order and merges finished blocks in order. */
    private static final class BlockScheduler {
        private final GaussianStream base;
        private final long blocks;
        private long nextBlock;
        private long nextMerge;
        private final TreeMap<Long, ErasureTally> pending = new TreeMap<>();
        private final ErasureTally total;

        BlockScheduler(long seed, long blocks, org.erasure.stats.Histogram template, boolean timeStep) {
            this.base = GaussianStream.ofSeed(seed);
            this.blocks = blocks;
            this.total = new ErasureTally(template, timeStep);
        }

        /** The next block and its stream (b long jumps from the base), or null when all are handed out. */
        synchronized Claim claim() {
            if (nextBlock >= blocks) {
                return null;
            }
            return new Claim(nextBlock++, base.longJump());
        }

        synchronized void complete(long block, ErasureTally tally) {
            pending.put(block, tally);
            while (!pending.isEmpty() && pending.firstKey() == nextMerge) {
                total.merge(pending.pollFirstEntry().getValue());
                nextMerge++;
            }
        }

        synchronized ErasureTally result() {
            if (nextMerge != blocks) {
                throw new IllegalStateException("not all blocks finished");
            }
            return total;
        }
    }
}
