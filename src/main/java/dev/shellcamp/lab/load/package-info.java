/**
 * The open-loop load tester behind {@code shellcamp lab load}: a plan (rate, duration, warm-up,
 * connections), the generator that sends on schedule whatever the server's speed, the recorder
 * (HdrHistogram) and the report with its renderer. The probe suite's latency check runs it too.
 */
package dev.shellcamp.lab.load;
