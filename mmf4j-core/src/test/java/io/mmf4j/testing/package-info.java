/**
 * Helpers of the multi-process tests: {@link io.mmf4j.testing.ChildJvm} starts a child JVM that uses the library as
 * a user's program does (module path, exported API only), and {@link io.mmf4j.testing.FaultJvm} runs the fault
 * suite's children with extra JVM flags, their crash logs kept, under a memory watchdog. {@link
 * io.mmf4j.testing.TaskStat} reads a thread's state, CPU time and sleeps from /proc, and {@link
 * io.mmf4j.testing.ReaperWakeUps} counts the view reaper's wake-ups during some work.
 */
package io.mmf4j.testing;
