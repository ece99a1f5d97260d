package org.erasure.optimize;

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

    int dimension();

    /** A starting point in the unit box. */
    double[] start();

    Member member(double[] unit);

    /** Physical parameter names and values of a member, for reports. */
    String describe(double[] unit);
}
