/**
 * A `node --import` module that ends the process once its stdin closes, which happens when the
 * parent dies (a detached child would otherwise outlive a parent killed by SIGKILL or a test runner).
 */
export const EXIT_WITH_PARENT = `data:text/javascript,${encodeURIComponent("process.stdin.on('close',()=>process.exit(1)).resume()")}`;
