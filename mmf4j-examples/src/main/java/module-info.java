/**
 * Runnable programs, one per scenario of the README. Each is a plain {@code main}; the README's snippets are taken
 * from them, and {@code ExamplesIT} runs every one as a real program and checks that the README still quotes it.
 * The package is opened to the library so that it can read and write this module's records through views.
 */
module io.mmf4j.examples {
    requires io.mmf4j;
    opens io.mmf4j.examples to io.mmf4j;
}
