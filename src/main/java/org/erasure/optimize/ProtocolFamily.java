package org.erasure.optimize;

import java.util.List;
import org.erasure.physics.Potential;
import org.erasure.protocol.KeyframeProtocol;

/**
 * A family of protocols parametrised by a point of the unit box [0, 1]^n, the space the
 * optimisers search. Implementations map the box onto physical parameters and their bounds.
 */
public interface ProtocolFamily {

    /** One member: the potential it drives and its schedule. */
    record Member(Potential potential, KeyframeProtocol protocol) {
    }

    /** The number of parameters: the length of {@link #start()}. */
    default int dimension() {
        return start().length;
    }

    /** A starting point in the unit box. */
    double[] start();

    Member member(double[] unit);

    /** Physical parameter names and values of a member, for reports. */
    String describe(double[] unit);

    /**
     * The parameters of a member that sit on a bound of the search box which is not a physical limit (a
     * capped tilt, a barrier range): the optimum may lie beyond it. Empty when none does.
     */
    List<String> parametersOnBounds(double[] unit);

    /** Within this distance (in the unit box) of an edge a parameter counts as on it. */
    double ON_BOUND = 1e-3;
}
