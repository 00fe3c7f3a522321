package dev.shellcamp.run;

import java.util.Map;
import java.util.Set;

/**
 * What the reference solution did in a scratch run of a step: its output and exit status, the
 * text files it wrote (workspace-relative path to content) and which files were there before it.
 */
record Reference(String output, int exitCode, Map<String, String> files, Set<String> before) {}
