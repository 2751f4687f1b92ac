/**
 * The view and lifecycle contract suite: {@link io.mmf4j.contract.MapContract} holds the tests every map source must
 * pass, and one subclass per source (file, channel, named, anonymous, inherited) says how to open a map. The file
 * and channel suites run a second time on the portable backend with native access denied (surefire execution
 * {@code jdk-contract}).
 */
package io.mmf4j.contract;
