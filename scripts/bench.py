#!/usr/bin/env python3
"""scripts/bench's terminal part: start-up to first prompt and per-command time, measured on a
real PTY for shellcamp and for its peers (jshell, python3, bash) in the same run."""
import fcntl, os, pty, re, struct, termios, select, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def spawn(argv, env=None):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env or os.environ)
    # a terminal window of 100x30, as a person would have
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    return pid, fd


def read_until(fd, pattern, buf, timeout=30.0):
    end = time.monotonic() + timeout
    rx = re.compile(pattern)
    while True:
        m = rx.search(buf[0])
        if m:
            buf[0] = buf[0][m.end():]
            return True
        left = end - time.monotonic()
        if left <= 0:
            return False
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return False
            if not data:
                return False
            # prompts are styled: match on the text a person would read
            buf[0] += ANSI.sub("", data.decode("utf-8", "replace"))


def finish(pid, fd):
    try:
        os.kill(pid, 9)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)


def rss_mib(pid):
    # the JVM is the launcher's exec'd process, so the pid is the JVM's
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return float("nan")


def startup(argv, prompt, runs, env=None, measure_rss=False):
    times, rss = [], []
    for _ in range(runs):
        t0 = time.monotonic()
        pid, fd = spawn(argv, env)
        buf = [""]
        ok = read_until(fd, prompt, buf)
        dt = (time.monotonic() - t0) * 1000
        if measure_rss:
            time.sleep(0.05)
            rss.append(rss_mib(pid))
        finish(pid, fd)
        if ok:
            times.append(dt)
    return times, rss


def per_command(argv, prompt_after, n, env=None, ready=None):
    pid, fd = spawn(argv, env)
    buf = [""]
    if not read_until(fd, ready or prompt_after, buf, 60):
        finish(pid, fd)
        return []
    samples = []
    for i in range(n + 20):
        marker = f"m{i}x"
        os.write(fd, f"echo {marker}\r".encode())
        t0 = time.monotonic()
        # the marker on its own line (not the echo of the typed line), then a fresh prompt
        if not read_until(fd, r"\n\r*" + marker + r"\r*\n(.|\n)*?" + prompt_after, buf, 10):
            break
        if i >= 20:
            samples.append((time.monotonic() - t0) * 1000)
    finish(pid, fd)
    return samples


def per_command_in_class(launcher, n, env):
    """The same commands with the tutor joined to a class server running beside it."""
    cdata = tempfile.mkdtemp(prefix="shellcamp-bench-class-")
    cenv = dict(env, XDG_DATA_HOME=cdata)
    server = subprocess.Popen(launcher + ["class", "serve", "--host", "127.0.0.1", "--port", "0",
                                          "--db", os.path.join(cdata, "class.db")],
                              env=cenv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        code = server.stdout.readline().split(": ", 1)[1].strip()
        url = server.stdout.readline().split(": ", 1)[1].split("/board", 1)[0]
        return per_command(launcher + ["--class", url, "--code", code, "--name", "bench", "start", "linux/shell-basics"],
                           r"1/10 ❯ ", n, cenv, ready=r"1/10 ❯ ")
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(cdata, ignore_errors=True)


def fmt(xs):
    if not xs:
        return "n/a"
    xs = sorted(xs)
    return f"median {statistics.median(xs):7.1f} ms  p90 {xs[int(len(xs) * 0.9) - 1]:7.1f} ms  (n={len(xs)})"


def main():
    runs = int(os.environ.get("BENCH_RUNS", "15"))
    data = tempfile.mkdtemp(prefix="shellcamp-bench-")
    env = dict(os.environ, XDG_DATA_HOME=data, TERM="xterm-256color", LANG="C.UTF-8")
    env.pop("NO_COLOR", None)
    launcher = [os.path.join(ROOT, "scripts", "shellcamp")]
    subprocess.run(launcher + ["list"], env=env, stdout=subprocess.DEVNULL, check=True)  # build + CDS once

    print("== start-up: launch to first prompt (real PTY)")
    fresh = []
    for _ in range(max(3, runs // 3)):
        shutil.rmtree(os.path.join(data, "shellcamp"), ignore_errors=True)
        fresh += startup(launcher, r"shellcamp ❯", 1, env)[0]
    print(f"shellcamp (menu, new)     {fmt(fresh)}")
    subprocess.run(launcher + ["start", "linux/files"], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    ours, rss = startup(launcher, r"shellcamp ❯", runs, env, measure_rss=True)
    print(f"shellcamp (menu, return)  {fmt(ours)}   RSS at prompt median {statistics.median(rss):.0f} MiB")
    lesson, _ = startup(launcher + ["start", "linux/shell-basics"], r"1/10 ❯", max(5, runs // 3), env)
    print(f"shellcamp (lesson+bash)   {fmt(lesson)}")
    shutil.rmtree(os.path.join(data, "shellcamp"), ignore_errors=True)
    benv = dict(env, PS1="$ ")
    bash_c = []
    for _ in range(runs):
        t0 = time.monotonic()
        subprocess.run(["bash", "-c", "true"])
        bash_c.append((time.monotonic() - t0) * 1000)
    print(f"peer: bash -c true        {fmt(bash_c)}")
    py, _ = startup(["/usr/bin/python3", "-q"], r">>> ", runs, env)
    print(f"peer: python3 REPL        {fmt(py)}")
    if shutil.which("jshell"):
        js, _ = startup(["jshell", "-q"], r"jshell> ", max(3, runs // 3), env)
        print(f"peer: jshell              {fmt(js)}")

    n = int(os.environ.get("BENCH_COMMANDS", "200"))
    print(f"\n== per command: 'echo mN' typed, until the next prompt ({n} commands, real PTY)")
    ours_cmd = per_command(launcher + ["start", "linux/shell-basics"], r"1/10 ❯ ", n, env, ready=r"1/10 ❯ ")
    bash_cmd = per_command(["bash", "--norc", "--noprofile", "-i"], r"\$ ", n, benv, ready=r"\$ ")
    print(f"shellcamp REPL            {fmt(ours_cmd)}")
    print(f"peer: interactive bash    {fmt(bash_cmd)}")
    if ours_cmd and bash_cmd:
        print(f"added per command         {statistics.median(ours_cmd) - statistics.median(bash_cmd):7.1f} ms (median difference; includes the step's checks)")
    joined = per_command_in_class(launcher, n, env)
    print(f"shellcamp REPL, in a class {fmt(joined)}")
    if ours_cmd and joined:
        print(f"class joined adds         {statistics.median(joined) - statistics.median(ours_cmd):7.1f} ms (median difference)")
    shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
