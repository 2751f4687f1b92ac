package io.mmf4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code mmf demo} runs the source texts' scenarios end to end and shows what each one proves. */
class DemoIT {

    @Test
    void demoRunsEveryScenarioAndShowsItsResult() throws Exception {
        MmfProcess.Result result = MmfProcess.run("demo").exits(0);
        String out = result.out();
        assertTrue(out.contains("the file on disk now reads \"T234567\""), out);
        assertTrue(out.contains("its writes are private: the file still reads \"T234567\""), out);
        assertTrue(out.contains("a new view of the whole file finds it at file offset 0x10000000: "
                + "MyColor[red=10, green=10, blue=10, alpha=10]"), out);
        assertTrue(out.matches("(?s).*process B \\(pid \\d+, another JVM\\) opened \"SHARED\" by name and read: "
                + "\"this is a mapping file test\".*"), out);
        assertTrue(out.contains("the colour just before the view untouched:") && out.contains("MyColor[red=0,"), out);
    }
}
