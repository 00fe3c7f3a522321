/** What the learner sees: message bundles (en, ko), the colour theme and Markdown rendered to ANSI. */
package dev.shellcamp.ui;
