package org.erasure.physics;

/**
 * A class of the model layer that imports the command line: the upward dependency that {@code ArchitectureTest} must
 * catch. Test code only (the architecture rules check the main classes); it is never called.
 */
final class UpwardImportFixture {
    private UpwardImportFixture() {
    }

    static String upward() {
        return org.erasure.io.Csv.format(org.erasure.cli.ErasureApp.class.getName().length());
    }
}
