#!/usr/bin/env python3
"""Peak resident memory of an MCP server on stdio sent one very long line, and whether it answers the next one.

Usage: measure_long_line.py BYTES -- COMMAND...   (the environment is passed through; set PUSHNOTIFI_USER_KEY)
Sends initialize, a ping, then a ping padded to BYTES bytes on one line, then a plain ping, and prints VmHWM (peak
RSS, read from /proc) before and after the long line, with the answers to the long line and to the ping after it.
"""
import json, subprocess, sys

def peak_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmHWM:")) / 1024

def main():
    size = int(sys.argv[1])
    command = sys.argv[sys.argv.index("--") + 1:]
    child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def send(data):
        child.stdin.write(data)
        child.stdin.flush()

    send(json.dumps({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "bench", "version": "1"}}}).encode() + b"\n")
    child.stdout.readline()
    send(b'{"jsonrpc":"2.0","method":"notifications/initialized"}\n{"jsonrpc":"2.0","id":2,"method":"ping"}\n')
    child.stdout.readline()
    before = peak_mib(child.pid)

    head, tail, chunk = b'{"jsonrpc":"2.0","id":3,"method":"ping","params":{"pad":"', b'"}}\n', b"x" * (1 << 20)
    padding = size - len(head) - len(tail) + 1
    send(head)
    for _ in range(padding // len(chunk)):
        child.stdin.write(chunk)
    send(b"x" * (padding % len(chunk)) + tail + b'{"jsonrpc":"2.0","id":4,"method":"ping"}\n')

    answers = {}
    while len(answers) < 2:
        line = child.stdout.readline()
        if not line:
            raise SystemExit("the server closed stdout before answering the ping after the long line")
        answer = json.loads(line)
        answers[answer.get("id") or 3] = answer  # an error about the long line has id null
    print(f"line of {size:,} bytes: peak RSS {before:.0f} MiB before, {peak_mib(child.pid):.0f} MiB after")
    print("long line ->", json.dumps(answers.get(3))[:160])
    print("next ping ->", json.dumps(answers[4]))
    child.stdin.close()
    child.wait(timeout=30)

main()
