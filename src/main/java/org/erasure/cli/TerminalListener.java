package org.erasure.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.erasure.RunListener;

/** A run's progress on stderr ({@link Progress}) and its events in words on the command's output. */
final class TerminalListener implements RunListener {

    private final PrintWriter out;

    TerminalListener(PrintWriter out) {
        this.out = out;
    }

    @Override
    public Stage stage(String label, long total, String unit) {
        final Progress progress = Progress.of(label, total, unit);
        final java.util.function.LongConsumer listener = progress.listener();
        return new Stage() {
            @Override
            public void advance(long n) {
                listener.accept(n);
            }

            @Override
            public void close() {
                progress.close();
            }
        };
    }

    @Override
    public void autoTimeStep(double startDt, double errorRateRelative, double energyKT) {
        out.printf(Locale.ROOT, "  dt: auto - starting at %.3g tau_D (a tenth of the stability limit), halving while "
                + "a value's time-step error exceeds the tolerance (eps %.3g relative; energies max(%.3g kT, "
                + "1e-4 of themselves, half their standard error))%n", startDt, errorRateRelative, energyKT);
        out.flush();
    }

    @Override
    public void secondRunAtHalfStep(double twiceDt, double halfDt) {
        out.printf(Locale.ROOT, "  2dt = %.3g tau_D is beyond the stability limit: the time-step error "
                + "comes from a second run at dt/2 = %.3g tau_D coupled to dt%n", twiceDt, halfDt);
        out.flush();
    }

    @Override
    public void timeStepHistory(List<String> lines) {
        lines.forEach(h -> out.println("    " + h));
    }

    @Override
    public void splittingStarts(int replicas, int repetitions, String score) {
        out.printf(Locale.ROOT, "  rare events: adaptive multilevel splitting, %d replicas, %d repetitions per bit "
                + "value, score %s; again at 2dt (dt/2 where 2dt is unstable) for the time-step error%n",
                replicas, repetitions, score);
        out.flush();
    }

    @Override
    public void splittingHistory(List<String> lines) {
        lines.forEach(h -> out.println("    splitting " + h));
    }
}
