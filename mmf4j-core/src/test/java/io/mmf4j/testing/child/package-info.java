/**
 * The {@code main} classes the multi-process tests run in child JVMs (map holders, mutex and event peers, growers,
 * fault and race programs), outside the library's packages so that they see only its exported API.
 */
package io.mmf4j.testing.child;
