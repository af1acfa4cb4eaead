/** Exit codes of the `parallax` command (CONTRACT.md). */
export const EXIT_OK = 0;
/** Some inputs failed; each is named on stderr and the others were still processed. */
export const EXIT_SOME_FAILED = 1;
/** The command line was wrong. */
export const EXIT_USAGE = 2;
