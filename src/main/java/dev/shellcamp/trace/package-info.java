/** Start-up phase timestamps for {@code -Dshellcamp.trace=true}; a leaf that depends on nothing of ours. */
package dev.shellcamp.trace;
