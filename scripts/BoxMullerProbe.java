// Probe for issue 28: a reproducible Box-Muller Gaussian (fdlibm's log, sin and cos kernels in plain IEEE
// arithmetic: +, -, *, /, sqrt, all correctly rounded, so the same bits on every CPU), written twice: as a plain
// loop (which C2 does not vectorise: Double.longBitsToDouble and doubleToRawLongBits stop its superword pass on
// JDK 17 and 25) and with the incubating Vector API (which does). Both give the same bits (checked below). Timed
// beside the product's 256-lane ziggurat source, in one JVM:
//
//   mvn -q -DskipTests package
//   java --add-modules jdk.incubator.vector -cp target/erasure-all.jar scripts/BoxMullerProbe.java
//
// Measured on the 2-core development machine (AMD EPYC Zen 3, AVX2): Box-Muller 8.9 ns a deviate as a plain loop,
// 2.59 ns with the Vector API on JDK 17.0.15 (2.40 on JDK 25), against 1.65 - 1.69 ns for the ziggurat lanes with
// their generator: not adopted (README, Benchmarks). About 70 vector operations per four pairs, a division and a
// square root among them, make about 1.5 ns a deviate even at two 256-bit operations a cycle; the ziggurat's fast
// path is a lookup, a comparison and a multiplication.
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

public class BoxMullerProbe {
    static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;
    static final VectorSpecies<Long> L = LongVector.SPECIES_256;
    static final long ONE = 0x3FF0000000000000L;
    // fdlibm (Sun Microsystems, 1993): the __kernel_sin and __kernel_cos coefficients for |x| <= pi/4; e_log.c's
    static final double S1 = -1.66666666666666324348e-01, S2 = 8.33333333332248946124e-03, S3 = -1.98412698298579493134e-04,
        S4 = 2.75573137070700676789e-06, S5 = -2.50507602534068634195e-08, S6 = 1.58969099521155010221e-10;
    static final double C1 = 4.16666666666666019037e-02, C2 = -1.38888888888741095749e-03, C3 = 2.48015872894767294178e-05,
        C4 = -2.75573143513906633035e-07, C5 = 2.08757232129817482790e-09, C6 = -1.13596475577881948265e-11;
    static final double LG1 = 6.666666666666735130e-01, LG2 = 3.999999999940941908e-01, LG3 = 2.857142874366239149e-01,
        LG4 = 2.222219843214978396e-01, LG5 = 1.818357216161805012e-01, LG6 = 1.531383769920937332e-01, LG7 = 1.479819860511658591e-01;
    static final double LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10;
    static final double HALF_PI = Math.PI / 2;
    static final double MAGIC = 0x1.8p52;

    /** out[j] = R cos(theta), out2[j] = R sin(theta) from the words a[j] (radius R) and b[j] (angle theta). */
    static void scalar(long[] a, long[] b, double[] out, double[] out2, int n) {
        for (int j = 0; j < n; j++) {
            final long wa = a[j];
            final long wb = b[j];
            // u in (0,1): (k + 0.5) 2^-52, k = top 52 bits
            final double u = (Double.longBitsToDouble((wa >>> 12) | ONE) - 1.0) + 0x1p-53;
            // log u (fdlibm e_log form, branch-free reduction as musl)
            final long ix = Double.doubleToRawLongBits(u);
            final long tmp = ix - 0x3FE6A09E667F3BCDL;
            final long k = tmp >> 52;
            final double z = Double.longBitsToDouble(ix - (tmp & 0xFFF0000000000000L));
            final double kd = Double.longBitsToDouble(0x4338000000000000L + k) - MAGIC;
            final double f = z - 1.0;
            final double s = f / (2.0 + f);
            final double s2 = s * s;
            final double w = s2 * s2;
            final double t1 = w * (LG2 + w * (LG4 + w * LG6));
            final double t2 = s2 * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
            final double r = t2 + t1;
            final double hfsq = 0.5 * f * f;
            final double lnu = kd * LN2_HI - ((hfsq - (s * (hfsq + r) + kd * LN2_LO)) - f);
            final double rad = Math.sqrt(-2.0 * lnu);
            // angle (pi/2)(v + q): v in [-1/2, 1/2) from bits 12-63, the quadrant q from bits 0-1
            final double v = Double.longBitsToDouble((wb >>> 12) | ONE) - 1.5;
            final double x = HALF_PI * v;
            final double x2 = x * x;
            final double sn = x + x * x2 * (S1 + x2 * (S2 + x2 * (S3 + x2 * (S4 + x2 * (S5 + x2 * S6)))));
            final double cs = 1.0 - 0.5 * x2 + x2 * x2 * (C1 + x2 * (C2 + x2 * (C3 + x2 * (C4 + x2 * (C5 + x2 * C6)))));
            final double d0 = Double.longBitsToDouble(ONE & -(wb & 1));
            final double e0 = 1.0 - d0;
            final double sign = Double.longBitsToDouble(ONE | ((wb & 2) << 62));
            final double cc = (e0 * cs - d0 * sn) * sign;
            final double ss = (e0 * sn + d0 * cs) * sign;
            out[j] = rad * cc;
            out2[j] = rad * ss;
        }
    }

    static void vector(long[] a, long[] b, double[] out, double[] out2, int n) {
        for (int j = 0; j < n; j += 4) {
            LongVector wa = LongVector.fromArray(L, a, j);
            LongVector wb = LongVector.fromArray(L, b, j);
            DoubleVector u = wa.lanewise(VectorOperators.LSHR, 12).or(ONE).reinterpretAsDoubles().sub(1.0).add(0x1p-53);
            LongVector ix = u.reinterpretAsLongs();
            LongVector tmp = ix.sub(0x3FE6A09E667F3BCDL);
            LongVector k = tmp.lanewise(VectorOperators.ASHR, 52);
            DoubleVector z = ix.sub(tmp.and(0xFFF0000000000000L)).reinterpretAsDoubles();
            DoubleVector kd = k.add(0x4338000000000000L).reinterpretAsDoubles().sub(MAGIC);
            DoubleVector f = z.sub(1.0);
            DoubleVector s = f.div(f.add(2.0));
            DoubleVector s2 = s.mul(s);
            DoubleVector w = s2.mul(s2);
            DoubleVector t1 = w.mul(w.mul(w.mul(LG6).add(LG4)).add(LG2));
            DoubleVector t2 = s2.mul(w.mul(w.mul(w.mul(LG7).add(LG5)).add(LG3)).add(LG1));
            DoubleVector r = t2.add(t1);
            DoubleVector hfsq = f.mul(f).mul(0.5);
            DoubleVector lnu = kd.mul(LN2_HI).sub(hfsq.sub(s.mul(hfsq.add(r)).add(kd.mul(LN2_LO))).sub(f));
            DoubleVector rad = lnu.mul(-2.0).sqrt();
            DoubleVector v = wb.lanewise(VectorOperators.LSHR, 12).or(ONE).reinterpretAsDoubles().sub(1.5);
            DoubleVector x = v.mul(HALF_PI);
            DoubleVector x2 = x.mul(x);
            DoubleVector sn = x.add(x.mul(x2).mul(x2.mul(x2.mul(x2.mul(x2.mul(x2.mul(S6).add(S5)).add(S4)).add(S3)).add(S2)).add(S1)));
            DoubleVector cs = DoubleVector.broadcast(D, 1.0).sub(x2.mul(0.5)).add(x2.mul(x2).mul(x2.mul(x2.mul(x2.mul(x2.mul(x2.mul(C6).add(C5)).add(C4)).add(C3)).add(C2)).add(C1)));
            DoubleVector d0 = wb.and(1L).neg().and(ONE).reinterpretAsDoubles();
            DoubleVector e0 = DoubleVector.broadcast(D, 1.0).sub(d0);
            DoubleVector sign = wb.and(2L).lanewise(VectorOperators.LSHL, 62).or(ONE).reinterpretAsDoubles();
            DoubleVector cc = e0.mul(cs).sub(d0.mul(sn)).mul(sign);
            DoubleVector ss = e0.mul(sn).add(d0.mul(cs)).mul(sign);
            rad.mul(cc).intoArray(out, j);
            rad.mul(ss).intoArray(out2, j);
        }
    }


    interface Fill {
        void run(int rep);
    }

    static double time(Fill f, int reps, int deviatesPerRep) {
        double best = Double.POSITIVE_INFINITY;
        for (int round = 0; round < 6; round++) {
            final long t0 = System.nanoTime();
            for (int rep = 0; rep < reps; rep++) {
                f.run(rep);
            }
            best = Math.min(best, (System.nanoTime() - t0) / (double) reps / deviatesPerRep);
        }
        return best;
    }

    public static void main(String[] args) throws Exception {
        final int n = 256;
        final long[] a = new long[n];
        final long[] b = new long[n];
        final double[] o1 = new double[n];
        final double[] o2 = new double[n];
        final double[] p1 = new double[n];
        final double[] p2 = new double[n];
        final java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        int differ = 0;
        double maxErr = 0;
        for (int rep = 0; rep < 4000; rep++) {
            for (int i = 0; i < n; i++) {
                a[i] = r.nextLong();
                b[i] = r.nextLong();
            }
            if (rep == 0) {
                a[0] = 0;
                a[1] = -1L;
            }
            vector(a, b, o1, o2, n);
            scalar(a, b, p1, p2, n);
            for (int i = 0; i < n; i++) {
                if (Double.doubleToRawLongBits(o1[i]) != Double.doubleToRawLongBits(p1[i])
                        || Double.doubleToRawLongBits(o2[i]) != Double.doubleToRawLongBits(p2[i])) {
                    differ++;
                }
                // against StrictMath on the same uniforms: u = (k + 1/2) 2^-52, angle (pi/2)(v + quadrant)
                final double u = ((a[i] >>> 12) + 0.5) * 0x1p-52;
                final double rad = Math.sqrt(-2 * StrictMath.log(u));
                final double ang = HALF_PI * (((b[i] >>> 12) * 0x1p-52) - 0.5) + HALF_PI * (b[i] & 3);
                maxErr = Math.max(maxErr, Math.abs(p1[i] - rad * StrictMath.cos(ang)) / rad);
                maxErr = Math.max(maxErr, Math.abs(p2[i] - rad * StrictMath.sin(ang)) / rad);
            }
        }
        System.out.printf("vector and plain loop: %d deviates of %d differ in any bit%n", differ, 2 * 4000 * n);
        System.out.printf("largest error against StrictMath, relative to the radius: %.2g%n", maxErr);
        System.out.printf("largest deviate: %.4f (u = 2^-53)%n", Math.sqrt(-2 * Math.log(0x1p-53)));
        final Class<?> lanesClass = Class.forName("org.erasure.langevin.GaussianLanes");
        final Class<?> streamClass = Class.forName("org.erasure.langevin.GaussianStream");
        final Object lanes = lanesClass.getConstructor(int.class).newInstance(n);
        final Object stream = streamClass.getMethod("ofSeed", long.class).invoke(null, 1L);
        lanesClass.getMethod("reseed", streamClass, int.class).invoke(lanes, stream, n);
        final java.lang.invoke.MethodHandle fill = java.lang.invoke.MethodHandles.publicLookup()
                .findVirtual(lanesClass, "fill", java.lang.invoke.MethodType.methodType(void.class, double[].class,
                        int.class)).bindTo(lanes);
        for (int k = 0; k < 2; k++) {
            final double zig = time(rep -> {
                try {
                    fill.invokeExact(o1, n);
                } catch (Throwable t) {
                    throw new RuntimeException(t);
                }
            }, 200_000, n);
            final double vec = time(rep -> {
                a[rep & 255] += rep;
                vector(a, b, o1, o2, n);
            }, 200_000, 2 * n);
            final double sca = time(rep -> {
                a[rep & 255] += rep;
                scalar(a, b, o1, o2, n);
            }, 50_000, 2 * n);
            System.out.printf("ns a deviate: ziggurat lanes (generator included) %.2f, Box-Muller with the Vector API "
                    + "%.2f, as a plain loop %.2f (generator excluded)%n", zig, vec, sca);
        }
    }
}
