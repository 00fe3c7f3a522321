#!/usr/bin/env python3
"""scripts/bench's monitor part: CPU used by `shellcamp monitor` at a 1 s refresh over 30 s,
beside htop -d 10 and glances -t 1 in the same run. Each runs on its own PTY (120x40) whose
output is read and thrown away, as a terminal would. Two 30 s windows: seconds 5-35 (after
start-up; a JVM is still compiling the monitor's code then) and, unless BENCH_MONITOR_STEADY=0,
seconds 120-150 (steady). CPU is the sum of the process's threads' run time from
/proc/PID/task/*/schedstat (ns; 10 ms ticks are too coarse for 0.2 % over 30 s), with
utime+stime+reaped children from /proc/PID/stat beside it, and the first 5 s (start-up) too."""
import fcntl, os, pty, select, shutil, struct, sys, tempfile, termios, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from bench import finish  # noqa: E402 (scripts/bench.py: the start-up bench, beside this one)
HZ = os.sysconf("SC_CLK_TCK")
WARMUP, WINDOW = 5.0, float(os.environ.get("BENCH_MONITOR_SECONDS", "30"))
STEADY = float(os.environ.get("BENCH_MONITOR_STEADY", "120"))


def ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # fields[0] is state (field 3): utime, stime, cutime, cstime are fields 14-17
    return sum(int(x) for x in fields[11:15])


def run_ns(pid):
    total = 0
    for t in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{t}/schedstat") as f:
                total += int(f.read().split()[0])
        except (FileNotFoundError, ProcessLookupError):
            pass  # a thread that just ended
    return total


def drain(fd, seconds):
    end = time.monotonic() + seconds
    while True:
        left = end - time.monotonic()
        if left <= 0:
            return
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                if not os.read(fd, 65536):
                    return
            except OSError:
                return


def window(pid, fd, name, label):
    t0, c0, n0 = time.monotonic(), ticks(pid), run_ns(pid)
    drain(fd, WINDOW)
    t1, c1, n1 = time.monotonic(), ticks(pid), run_ns(pid)
    pct = 100.0 * (n1 - n0) / 1e9 / (t1 - t0)
    tick_pct = 100.0 * (c1 - c0) / HZ / (t1 - t0)
    print(f"monitor_cpu_pct tool={name} window={label} pct_of_one_core={pct:.2f} "
          f"ticks_pct={tick_pct:.2f} seconds={t1 - t0:.0f}")


def spawn(argv, **env):
    """argv on a new 120x40 PTY, as a terminal would run it."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", **env))
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    return pid, fd


def measure(name, argv):
    pid, fd = spawn(argv)
    try:
        drain(fd, WARMUP)
        print(f"monitor_startup_cpu tool={name} first_seconds={WARMUP:.0f} cpu_ms={run_ns(pid) / 1e6:.0f}")
        window(pid, fd, name, f"{WARMUP:.0f}-{WARMUP + WINDOW:.0f}s")
        if STEADY > WARMUP + WINDOW:
            drain(fd, STEADY - WARMUP - WINDOW)
            window(pid, fd, name, f"{STEADY:.0f}-{STEADY + WINDOW:.0f}s")
    finally:
        os.write(fd, b"q")
        time.sleep(0.5)
        finish(pid, fd)


def ticks_window(pid, fd, name):
    """Whole-process utime+stime over a window: ticks, since ended threads count there too."""
    t0, c0 = time.monotonic(), ticks(pid)
    drain(fd, WINDOW)
    t1, c1 = time.monotonic(), ticks(pid)
    print(f"monitor_cpu_pct tool={name} ticks_pct={100.0 * (c1 - c0) / HZ / (t1 - t0):.2f} seconds={t1 - t0:.0f}")


def measure_repl():
    """`:monitor` inside the REPL, opened twice: the second time finds the JIT warm from the first.
    The REPL idle at its prompt is measured beside it, since that is in both figures."""
    data = tempfile.mkdtemp()
    pid, fd = spawn([os.path.join(ROOT, "scripts", "shellcamp"), "start", "linux/streams"], XDG_DATA_HOME=data)
    try:
        drain(fd, 8)
        for n in (1, 2):
            os.write(fd, b":monitor\r")
            drain(fd, WARMUP)
            ticks_window(pid, fd, f"shellcamp-repl-monitor-open{n} window={WARMUP:.0f}-{WARMUP + WINDOW:.0f}s")
            os.write(fd, b"q")
            drain(fd, 3)
        ticks_window(pid, fd, "shellcamp-repl-idle-at-prompt")
        os.write(fd, b":quit\r")
        drain(fd, 3)
    finally:
        finish(pid, fd)
        shutil.rmtree(data, ignore_errors=True)


def main():
    measure("shellcamp-monitor-1s", [os.path.join(ROOT, "scripts", "shellcamp"), "monitor", "--interval", "1s"])
    measure_repl()
    for name, argv in (("htop-d10", ["htop", "-d", "10"]), ("glances-t1", ["glances", "-t", "1"])):
        if shutil.which(argv[0]):
            measure(name, argv)
        else:
            print(f"monitor_cpu_pct tool={name} skipped: {argv[0]} is not installed "
                  f"(apt-get install -y --no-install-recommends {argv[0]})")


if __name__ == "__main__":
    main()
