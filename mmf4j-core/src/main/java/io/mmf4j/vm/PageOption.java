package io.mmf4j.vm;

/** Modifiers given beside a {@link Protection} to {@link Region#commit} and {@link Region#protect}. */
public enum PageOption {
    /**
     * {@code PAGE_GUARD}: the first touch of a guard page raises a {@link GuardPageException} and turns the page
     * into an ordinary page with the protection given beside the flag; later touches succeed. "Touch" means
     * asking for a {@linkplain Region#segment(long, long) segment} over the page: mmf4j never hands out a
     * segment over a guard page (the operating system would kill the JVM with SIGSEGV on a real access), so the
     * request for one is the access that fires the guard.
     */
    GUARD
}
