#!/usr/bin/env python3
"""Hostile files fed to every reader of community-desk-cli, each run bounded
in time and memory. Prints TAP.

The corpus: the files of tests/hostile/ (the fuzzer's reproducers), files
made here that are too large to keep (a design nested 100,000 levels deep,
a PNG that declares 20000 x 20000 pixels, thousands of layers, a 400 KB
text) and deterministic mutations of them all (bytes flipped, inserted,
cut, numbers replaced by extreme ones). Each reader must answer with an
exit status and at most a one-line reason; none may crash, hang or eat the
machine's memory, and a workspace a reader refused is left as it was."""
import hashlib
import json
import os
import random
import re
import resource
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tap  # noqa: E402

cli = sys.argv[1]
here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hostile")

TIME_LIMIT = 20.0           # seconds per run, on a loaded 2-core machine
MEMORY_LIMIT = 700 * 1024   # peak resident KB per run
MUTATIONS = 25              # per seed


def run_bounded(args):
    """Runs the CLI; returns (status or -signal, stderr, seconds)."""
    start = time.monotonic()
    proc = subprocess.Popen([cli, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _, err = proc.communicate(timeout=TIME_LIMIT * 2)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    seconds = time.monotonic() - start
    return proc.returncode, err.decode("utf-8", "replace"), seconds


def peak_kb():
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def png(width, height):
    """A 1-bit grey PNG of @width x @height: small on disk, huge decoded."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    row = b"\0" + b"\0" * ((width + 7) // 8)
    z = zlib.compressobj(9)
    body = b"".join(z.compress(row) for _ in range(height)) + z.flush()
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
            + chunk(b"IDAT", body) + chunk(b"IEND", b""))


def mutate(data, rng):
    data = bytearray(data)
    kind = rng.randrange(6)
    if not data:
        return bytes(data)
    if kind == 0:                                   # flip bytes
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    elif kind == 1:                                 # insert bytes
        pos = rng.randrange(len(data))
        data[pos:pos] = bytes(rng.choice(b'\0\r\n"[{}],;:\\\x1b\xff') for _ in range(rng.randint(1, 16)))
    elif kind == 2:                                 # cut
        data = data[:rng.randrange(len(data))]
    elif kind == 3:                                 # repeat a slice
        a = rng.randrange(len(data))
        b = min(len(data), a + rng.randint(1, 64))
        data[a:a] = data[a:b] * rng.randint(2, 50)
    elif kind == 4:                                 # extreme numbers
        text = re.sub(rb"-?\d+(\.\d+)?", lambda m: rng.choice(
            [b"1e10", b"-2147483648", b"2147483648", b"1e400", b"-0", b"99999999999999999999", b"NaN"]),
            bytes(data), count=rng.randint(1, 4))
        data = bytearray(text)
    else:                                           # swap two slices
        a, b = sorted(rng.randrange(len(data)) for _ in range(2))
        data = data[b:] + data[a:b] + data[:a]
    return bytes(data)


def one_line(err):
    return err.count("\n") <= 1 and "\x1b" not in err and "\r" not in err


def checksum(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


with tempfile.TemporaryDirectory() as tmp:
    corpus = os.path.join(tmp, "corpus")
    os.mkdir(corpus)
    seeds = {}
    for name in sorted(os.listdir(here)):
        with open(os.path.join(here, name), "rb") as f:
            seeds[name] = f.read()

    # Made here: too large to keep in the repository
    seeds["design-deep-array.json"] = b'{"format":"square","layers":' + b"[" * 100000 + b"]" * 100000 + b"}"
    seeds["design-deep-object.json"] = b'{"a":' * 100000 + b"1" + b"}" * 100000
    seeds["design-many-layers.json"] = json.dumps({"format": "square", "layers": [
        {"type": "text", "text": "Pain %d" % i, "colour": "#777777", "x": i % 900, "y": i % 1000, "width": 200}
        for i in range(5000)]}).encode()
    seeds["design-long-text.json"] = json.dumps({"format": "square", "layers": [
        {"type": "text", "text": "croissant " * 40000, "colour": "#000000", "x": 0, "y": 0, "width": 1000}]}).encode()
    seeds["huge.png"] = png(20000, 20000)
    seeds["design-huge-image.json"] = json.dumps({"format": "square", "background": {
        "colour": "#ffffff", "image": "huge.png"}, "layers": [
        {"type": "text", "text": "Pain", "colour": "#000000", "x": 10, "y": 10, "width": 500},
        {"type": "logo", "image": "huge.png", "x": 10, "y": 10, "width": 100}]}).encode()
    seeds["posts-huge-image.csv"] = b"date,time,text,image\n2026-12-01,09:30,Bonjour,huge.png\n"

    files = dict(seeds)
    for name, data in seeds.items():
        if name.endswith(".png"):
            continue
        rng = random.Random(name)
        stem, ext = os.path.splitext(name)
        for k in range(MUTATIONS if len(data) < 100000 else 2):
            files["%s.m%d%s" % (stem, k, ext)] = mutate(data, rng)
    for name, data in files.items():
        with open(os.path.join(corpus, name), "wb") as f:
            f.write(data)

    db = os.path.join(tmp, "w.db")
    p = subprocess.run([cli, "demo", "--database", db], capture_output=True, text=True, timeout=60)
    tap.check("a demo workspace to import into", p.returncode == 0, p.stderr)

    crashes, slow, chatty, touched = [], [], [], []
    worst_time, runs = 0.0, 0
    for name in sorted(files):
        path = os.path.join(corpus, name)
        if name.endswith(".json"):
            readers = [["check", "--visual", path, "--json"],
                       ["render-visual", path, os.path.join(tmp, "out.png")]]
        elif name.endswith(".csv"):
            readers = [["import-posts", "--database", db, path]]
        else:
            continue
        for args in readers:
            before = checksum(db)
            status, err, seconds = run_bounded(args)
            runs += 1
            worst_time = max(worst_time, seconds)
            if status < 0 or status > 2:
                crashes.append("%s %s: status %d %s" % (args[0], name, status, err[-300:]))
            if seconds > TIME_LIMIT:
                slow.append("%s %s: %.1f s" % (args[0], name, seconds))
            if status != 0 and (not one_line(err) or not err.startswith("community-desk-cli: ")):
                chatty.append("%s %s: %r" % (args[0], name, err[:300]))
            if args[0] == "import-posts" and status != 0 and checksum(db) != before:
                touched.append(name)
            if args[0] == "import-posts" and status == 0:
                pass   # imported: the next file meets a workspace with more posts

    tap.check("%d runs on %d files: no crash" % (runs, len(files)), not crashes, "\n".join(crashes[:10]))
    tap.check("every run within %.0f s (worst %.1f s)" % (TIME_LIMIT, worst_time), not slow, "\n".join(slow[:10]))
    tap.check("peak memory of a run under %d MB (%d MB)" % (MEMORY_LIMIT // 1024, peak_kb() // 1024),
              peak_kb() < MEMORY_LIMIT, "")
    tap.check("every refusal is one line, control characters escaped", not chatty, "\n".join(chatty[:10]))
    tap.check("a refused import leaves the workspace as it was", not touched, touched)

    # The reproducers, one by one, with what they must say
    def cli_err(*args):
        status, err, _ = run_bounded(args)
        return status, err

    status, err = cli_err("check", "--visual", os.path.join(corpus, "design-huge-x.json"))
    tap.check("x = 1e10 is refused, naming the layer and the member",
              status == 1 and "Layer 1" in err and "“x”" in err, err)
    status, err = cli_err("render-visual", os.path.join(corpus, "design-int-min.json"), os.path.join(tmp, "o.png"))
    tap.check("x = -2^31 is refused", status == 1 and "“x”" in err, err)
    status, err = cli_err("check", "--visual", os.path.join(corpus, "design-deep-array.json"))
    tap.check("100,000 nested arrays are refused before parsing", status == 1 and "levels deep" in err, err)
    status, err = cli_err("check", "--visual", os.path.join(corpus, "design-many-layers.json"))
    tap.check("5,000 layers are refused", status == 1 and "5000 layers" in err, err)
    status, err = cli_err("check", "--visual", os.path.join(corpus, "design-long-text.json"))
    tap.check("a 400 KB text layer is refused", status == 1 and "2000 characters" in err, err)
    p = subprocess.run([cli, "render-visual", os.path.join(corpus, "design-huge-image.json"),
                        os.path.join(tmp, "h.png")], capture_output=True, text=True, timeout=60)
    tap.check("a PNG declaring 20000 x 20000 is not decoded; the rest is drawn",
              p.returncode == 0 and os.path.getsize(os.path.join(tmp, "h.png")) > 0, p.stderr)
    before = checksum(db)
    status, err = cli_err("import-posts", "--database", db, os.path.join(corpus, "posts-huge-image.csv"))
    tap.check("an import naming that PNG is refused, the workspace untouched",
              status == 1 and "too large" in err and checksum(db) == before, err)
    status, err = cli_err("import-posts", "--database", db, "--dry-run", os.path.join(corpus, "posts-nul.csv"))
    tap.check("a NUL byte is refused with its line", status == 1 and "Line 3" in err and "NUL" in err, err)
    p = subprocess.run([cli, "import-posts", "--database", db, "--dry-run", os.path.join(corpus, "posts-cr-only.csv")],
                       capture_output=True, text=True, timeout=60)
    tap.check("CR-only line endings read as lines", p.returncode == 0 and "2 posts would be imported" in p.stdout,
              p.stdout + p.stderr)
    p = subprocess.run([cli, "import-posts", "--database", db, "--dry-run", os.path.join(corpus, "posts-escape.csv")],
                       capture_output=True, text=True, timeout=60)
    tap.check("control characters of a file are escaped on the terminal",
              "\x1b" not in p.stdout + p.stderr and "\\x1b[31mrouge" in p.stdout, repr(p.stdout + p.stderr))

    # Damaged workspace: refused, never written to
    damaged = os.path.join(tmp, "damaged.db")
    shutil.copy(db, damaged)
    with open(damaged, "r+b") as f:
        size = os.path.getsize(damaged)
        page = 4096
        # Scribble over the b-tree headers of pages past the schema
        for n in range(2, min(size // page, 40), 3):
            f.seek(n * page)
            f.write(b"\x0d\xff\xff\xff\xff\xff\xff\xff")
    before = checksum(damaged)
    status, err = cli_err("import-posts", "--database", damaged, os.path.join(corpus, "posts-ok.csv"))
    tap.check("a damaged workspace refuses an import, untouched, and says what to do",
              status == 1 and "damaged" in err and "backups" in err and checksum(damaged) == before
              and "not an error" not in err, err)

    # Workspace files are the user's alone
    private = os.path.join(tmp, "open", "client.db")
    os.makedirs(os.path.dirname(private), mode=0o755)
    os.umask(0o022)
    p = subprocess.run([cli, "demo", "--database", private], capture_output=True, text=True, timeout=60)
    modes = {n: oct(os.stat(os.path.join(os.path.dirname(private), n)).st_mode & 0o777)
             for n in os.listdir(os.path.dirname(private))}
    tap.check("a new workspace and its journal are 0600 in a 0755 folder",
              p.returncode == 0 and all(m == "0o600" for n, m in modes.items() if n.startswith("client.db")), modes)

tap.finish()
