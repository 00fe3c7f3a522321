/**
 * Reads a shell line the way bash would run it — simple commands, expanded words, the real
 * program behind wrappers, paths resolved on the real file system — so the REPL can ask before
 * a line damages the machine outside the lesson's workspace. A teaching aid, not a sandbox:
 * where it cannot tell, it asks only about programs that destroy.
 */
package dev.shellcamp.guard;
