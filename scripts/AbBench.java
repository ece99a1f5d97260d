// A/B benchmark of two builds of the engine inside one JVM, for machines whose speed drifts.
//
//   java -XX:+UseVectorCmov scripts/AbBench.java A.jar B.jar [euler|heun|u1] [trajectories] [rounds]
//
// Loads each runnable jar (target/erasure-all.jar of two checkouts) through its own class loader,
// then runs benchmark B1 (bench-b1.yaml; euler or heun) or U1 (cantilever preset, BAOAB) on one
// thread, alternating A and B for the given rounds, and prints the best and every rate in
// particle-steps per second. On a shared machine the speed drifts by up to 1.5x over seconds, so
// separate runs of `scripts/erasure bench` cannot resolve a 5 % change; alternating in one JVM can.
// Run it in both orders (A B, then B A): the first-loaded build can have a small advantage.
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

public class AbBench {

    private record Engine(Method run, Object config, long steps) {
    }

    /** The run a configuration describes: ErasureConfig.toRun() before the problem object, monteCarlo().run(problem()) after. */
    private static Object toRun(Object cfg) throws Exception {
        try {
            return cfg.getClass().getMethod("toRun").invoke(cfg);
        } catch (NoSuchMethodException e) {
            final Object mc = cfg.getClass().getMethod("monteCarlo").invoke(cfg);
            final Object problem = cfg.getClass().getMethod("problem").invoke(cfg);
            return mc.getClass().getMethod("run", problem.getClass()).invoke(mc, problem);
        }
    }

    private static Engine load(String jar, String kind, int trajectories, Path configs) throws Exception {
        final ClassLoader cl = new URLClassLoader(new URL[] {new File(jar).toURI().toURL()},
                ClassLoader.getPlatformClassLoader());
        final Method load = cl.loadClass("org.erasure.config.ConfigLoader").getMethod("load", Path.class, List.class);
        final Object cfg = kind.equals("u1")
                ? load.invoke(null, configs.resolve("cantilever.yaml"), List.of("simulation.trajectories=" + trajectories,
                        "protocol.tau_s=null", "protocol.tau=2200", "dynamics.dt=0.022",
                        "simulation.work_histogram=null"))
                : load.invoke(null, configs.resolve("bench-b1.yaml"), List.of("simulation.trajectories=" + trajectories,
                        "dynamics.integrator=" + kind));
        Object run = toRun(cfg);
        // the engine itself: without the coupled paths at 2dt that builds since the time-step work add by default
        try {
            run = run.getClass().getMethod("withTimeStepError", boolean.class).invoke(run, false);
        } catch (NoSuchMethodException older) {
            // a build before the time-step work has no twin to turn off
        }
        final long steps = ((Number) run.getClass().getMethod("steps").invoke(run)).longValue();
        Method mc = null;
        for (Method m : cl.loadClass("org.erasure.langevin.LangevinMonteCarlo").getMethods()) {
            if (m.getName().equals("run") && m.getParameterCount() == 3) {
                mc = m;
            }
        }
        return new Engine(mc, run, steps);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java scripts/AbBench.java A.jar B.jar [euler|heun|u1] [trajectories] [rounds]");
            System.exit(2);
        }
        final String kind = args.length > 2 ? args[2] : "euler";
        final int trajectories = args.length > 3 ? Integer.parseInt(args[3]) : 1024;
        final int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        final Path configs = Path.of(System.getProperty("configs", "configs"));
        final Engine[] engines = {load(args[0], kind, trajectories, configs), load(args[1], kind, trajectories, configs)};
        final double[][] rates = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int e = 0; e < 2; e++) {
                final long t0 = System.nanoTime();
                engines[e].run().invoke(null, engines[e].config(), 1, null);
                rates[e][r] = trajectories * (double) engines[e].steps() / ((System.nanoTime() - t0) * 1e-9);
            }
        }
        for (int e = 0; e < 2; e++) {
            System.out.printf("%s %s: best %.3e particle-steps/s; all %s%n", e == 0 ? "A" : "B", args[e],
                    Arrays.stream(rates[e]).max().orElse(0), Arrays.toString(Arrays.stream(rates[e])
                            .map(x -> Math.round(x / 1e6) / 100.0).toArray()) + " e8");
        }
    }
}
