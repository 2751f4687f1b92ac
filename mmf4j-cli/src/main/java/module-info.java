/** The mmf command: demo, walk, ls / create / dump / write / rm, residency, bench. */
module io.mmf4j.cli {
    requires io.mmf4j;
    requires info.picocli;
    requires me.tongfei.progressbar;

    opens io.mmf4j.cli to info.picocli;
}
