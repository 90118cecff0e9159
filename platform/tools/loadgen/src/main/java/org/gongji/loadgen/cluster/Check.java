package org.gongji.loadgen.cluster;

/** One check of the cluster test: it passes by returning, fails by throwing {@link CheckFailed}. */
interface Check {

    /** What it shows, as one sentence. */
    String name();

    /** Runs against the cluster; returns a few words of what it measured. */
    String run(Cluster cluster) throws Exception;
}
