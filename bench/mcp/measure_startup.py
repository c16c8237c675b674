#!/usr/bin/env python3
"""Time from process start to the first tools/list answer, and resident memory at idle, for an MCP server on stdio.

Usage: measure_startup.py RUNS -- COMMAND...   (the environment is passed through; set PUSHNOTIFI_USER_KEY)
Prints each run's milliseconds, the median, and VmRSS read from /proc two seconds after the answer.
"""
import json, os, statistics, subprocess, sys, time

def one_run(command, rss_wait):
    messages = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
    ]
    start = time.perf_counter()
    child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    child.stdin.write("".join(json.dumps(m) + "\n" for m in messages).encode())
    child.stdin.flush()
    while True:
        line = child.stdout.readline()
        if not line:
            raise SystemExit("the server closed stdout before answering tools/list")
        answer = json.loads(line)
        if answer.get("id") == 2:
            elapsed = (time.perf_counter() - start) * 1000
            assert len(answer["result"]["tools"]) == 6, answer
            break
    rss = None
    if rss_wait:
        time.sleep(rss_wait)
        with open(f"/proc/{child.pid}/status") as status:
            rss = next(int(l.split()[1]) for l in status if l.startswith("VmRSS:")) / 1024
    child.stdin.close()
    child.wait(timeout=10)
    return elapsed, rss

def main():
    runs = int(sys.argv[1])
    command = sys.argv[sys.argv.index("--") + 1:]
    one_run(command, 0)  # warm the disk cache once, not counted
    times = []
    for i in range(runs):
        elapsed, _ = one_run(command, 0)
        times.append(elapsed)
    _, rss = one_run(command, 2.0)
    print("runs ms:", " ".join(f"{t:.0f}" for t in times))
    print(f"median {statistics.median(times):.0f} ms, min {min(times):.0f} ms, max {max(times):.0f} ms; RSS at idle {rss:.1f} MB")

main()
