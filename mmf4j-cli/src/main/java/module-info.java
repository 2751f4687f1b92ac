/** The mmf command: demo, walk, ls / create / dump / write / rm, residency, bench. */
module io.mmf4j.cli {
    requires io.mmf4j;
    requires info.picocli;
    requires me.tongfei.progressbar;

    // picocli fills in the commands' fields; mmf4j reads and writes the demo's records (BrightenDemo.MyColor)
    opens io.mmf4j.cli to info.picocli, io.mmf4j;
}
