#!/usr/bin/env python3
"""community-desk-cli as a script would use it. Prints TAP."""
import json
import sqlite3
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tap  # noqa: E402

cli = sys.argv[1]


def run(*args):
    return subprocess.run([cli, *args], capture_output=True, text=True, timeout=60)



with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "w.db")

    p = run("--help")
    tap.check("--help lists stats", p.returncode == 0 and "stats" in p.stdout, p.stdout)

    p = run("stats", "--help")
    tap.check("stats --help documents --database", p.returncode == 0 and "--database" in p.stdout, p.stdout)

    p = run("stats", "--database", db)
    tap.check("stats on a missing workspace fails in one line",
          p.returncode != 0 and p.stderr.count("\n") == 1 and not os.path.exists(db), p.stderr)

    p = run("demo", "--database", db)
    tap.check("demo creates the demo workspace", p.returncode == 0, p.stderr)

    p = run("stats", "--database", db)
    counts = dict(line.split() for line in p.stdout.splitlines())
    tap.check("stats counts every table", p.returncode == 0 and set(counts) >= {
        "brands", "channels", "campaigns", "posts", "post_variants", "media", "notifications",
        "metric_samples", "saved_replies", "outbox"}, p.stdout)
    tap.check("stats: 1 brand, 4 channels, 2 campaigns",
          counts.get("brands") == "1" and counts.get("channels") == "4" and counts.get("campaigns") == "2", counts)
    con = sqlite3.connect(db)
    channel_samples = con.execute("SELECT count(*) FROM metric_samples WHERE post_id = 0").fetchone()[0]
    con.close()
    tap.check("stats: 120 posts, 300 notifications, 90 days of 5 metrics on 4 channels and the published posts' own",
          counts.get("posts") == "120" and counts.get("notifications") == "300"
          and channel_samples == 90 * 5 * 4 and int(counts.get("metric_samples", 0)) > channel_samples, counts)

    p = run("demo", "--database", db)
    tap.check("demo refuses a workspace that has a brand", p.returncode != 0 and p.stderr.count("\n") == 1, p.stderr)

    txt = os.path.join(tmp, "notes.txt")
    with open(txt, "w") as f:
        f.write("pas une base\n")
    p = run("stats", "--database", txt)
    tap.check("stats on a text file fails in one line and leaves it",
          p.returncode != 0 and p.stderr.count("\n") == 1 and open(txt).read() == "pas une base\n", p.stderr)

    csv = os.path.join(tmp, "decembre.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write("date;heure;canaux;texte\n2026-12-01;09:30;instagram;Bonjour\n2026-12-02;10:00;mastodon|bluesky;Salut\n")
    p = run("import-posts", "--database", db, "--dry-run", csv)
    tap.check("import-posts --dry-run previews every row and saves nothing",
              p.returncode == 0 and "Line 2" in p.stdout and "Line 3" in p.stdout, p.stdout + p.stderr)
    p = run("stats", "--database", db)
    tap.check("... nothing saved", "posts            120" in p.stdout, p.stdout)
    p = run("import-posts", "--database", db, csv)
    counts = dict(line.split() for line in run("stats", "--database", db).stdout.splitlines())
    tap.check("import-posts saves the rows", p.returncode == 0 and counts.get("posts") == "122", p.stdout + p.stderr)

    bad = os.path.join(tmp, "bad.csv")
    with open(bad, "w", encoding="utf-8") as f:
        f.write("date,time,channels,text\n2026-12-03,10:00,mastodon,Fine\n2026-12-04,10:00,tiktok,Nope\n")
    p = run("import-posts", "--database", db, bad)
    counts = dict(line.split() for line in run("stats", "--database", db).stdout.splitlines())
    tap.check("a bad row is reported with its line and nothing is imported",
              p.returncode != 0 and "Line 3" in p.stdout and counts.get("posts") == "122", p.stdout + p.stderr)

    out = os.path.join(tmp, "export.csv")
    p = run("export-posts", "--database", db, "--from", "2026-12-01", "--to", "2026-12-02", out)
    text = open(out, encoding="utf-8").read() if os.path.exists(out) else ""
    tap.check("export-posts writes a CSV with a header and the imported posts",
              p.returncode == 0 and text.startswith("date,time,channels,title,text") and "Bonjour" in text
              and "Salut" in text, p.stderr)

    p = run("contrast", "#777777", "#FFFFFF")
    tap.check("contrast prints the ratio with two decimals and the verdicts",
              p.returncode == 0 and p.stdout.startswith("4.48:1") and "fail" in p.stdout, p.stdout)
    p = run("contrast", "--json", "#767676", "#ffffff")
    try:
        data = json.loads(p.stdout)
    except ValueError:
        data = {}
    tap.check("contrast --json gives the documented shape",
              abs(data.get("wcag_ratio", 0) - 4.5422) < 0.00005 and data.get("aa_normal") is True
              and data.get("aa_large") is True and data.get("aaa_normal") is False
              and data.get("aaa_large") is True, p.stdout)
    # Every network a community manager posts to, with its limit from the one table
    limits = {}
    for net in ["mastodon", "bluesky", "wordpress", "x", "instagram", "facebook", "linkedin", "threads",
                "tiktok", "youtube", "pinterest", "other"]:
        p = run("check", "--network", net, "--text", "Bonjour", "--json")
        counts = json.loads(p.stdout or "{}").get("counts", [])
        limits[net] = counts[0]["limit"] if p.returncode == 0 and counts else None
    tap.check("check --network takes every network id, each with its limit",
              limits["tiktok"] == 2200 and limits["youtube"] == 5000 and limits["pinterest"] == 500
              and limits["other"] == 0 and limits["x"] == 280 and None not in limits.values(), limits)
    p = run("check", "--network", "pinterest", "--text", "P" * 501, "--json")
    tap.check("a Pin's description past 500 characters is too long",
              p.returncode == 1 and "text-too-long" in p.stdout, p.stdout)
    p = run("check", "--network", "myspace", "--text", "Bonjour")
    tap.check("an unknown network is refused in one line", p.returncode != 0 and p.stderr.count("\n") == 1, p.stderr)
    p = run("contrast", "--json", "#aaaaaa", "#ffffff")
    tap.check("contrast --json prints the ratio at the precision it means",
              p.returncode == 0 and '"wcag_ratio":2.3231,' in p.stdout, p.stdout)
    p = run("contrast", "#12", "#fff")
    tap.check("contrast refuses a bad colour in one line", p.returncode != 0 and p.stderr.count("\n") == 1, p.stderr)

    img = os.path.join(tmp, "croissant.png")
    with open(img, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
    p = run("check", "--network", "mastodon", "--text", "Visitez https://www.fournil-des-halles.fr/blog/2026/11/pain",
            "--image", img, "--alt", "", "--json")
    try:
        data = json.loads(p.stdout)
    except ValueError:
        data = {}
    tap.check("check --json: counts per network and findings, exit 1 on a blocking finding",
              p.returncode == 1 and data.get("counts") == [{"network": "mastodon", "length": 31, "limit": 500}]
              and data.get("findings", [{}])[0].get("id") == "alt-missing"
              and data["findings"][0].get("severity") == "blocking"
              and data["findings"][0].get("target") == "image 1", p.stdout + p.stderr)
    p = run("check", "--network", "bluesky", "--text", "Bonjour à tous, voici nos nouveaux pains")
    tap.check("check exits 0 without a blocking finding", p.returncode == 0 and "bluesky" in p.stdout, p.stdout + p.stderr)
    p = run("check", "--network", "myspace", "--text", "Bonjour")
    tap.check("check refuses an unknown network in one line", p.returncode != 0 and p.stderr.count("\n") == 1, p.stderr)

    p = run("check", "--network", "mastodon", "--text", "Super 🎉🎉 journée au ⭐ fournil", "--json")
    ids = [f["id"] for f in json.loads(p.stdout or "{}").get("findings", [])]
    tap.check("check flags emoji in a row and in place of a word", ids.count("emoji-overuse") == 2, p.stdout)

    # Hashtags: one dictionary word is fine, several run together get their split
    def hashtag_findings(*args):
        p = run("check", "--network", "mastodon", *args, "--json")
        try:
            data = json.loads(p.stdout)
        except ValueError:
            data = {}
        return p, [f for f in data.get("findings", []) if f.get("id") == "hashtag-camelcase"]

    p, tags = hashtag_findings("--text", "#boulangerie #painaulevain")
    tap.check("check: #boulangerie is a word, #painaulevain splits into #PainAuLevain",
              p.returncode == 0 and len(tags) == 1 and tags[0].get("target") == "#painaulevain"
              and tags[0].get("fix") == "#PainAuLevain" and tags[0].get("severity") == "warning"
              and set(tags[0]) == {"id", "severity", "message", "target", "fix"}, p.stdout + p.stderr)
    p, tags = hashtag_findings("--text", "#patisserie #viennoiserie #Villeurbanne #sourdough #croissant")
    tap.check("check: words without their accents, proper nouns and English words are fine",
              p.returncode == 0 and tags == [], p.stdout + p.stderr)
    p, tags = hashtag_findings("--text", "#xkqzvbnwrtplmn")
    tap.check("check: a run no dictionary splits is a tip without a fix",
              len(tags) == 1 and tags[0].get("fix") is None and tags[0].get("severity") == "tip", p.stdout)
    p, fr = hashtag_findings("--text", "#paintout")
    p, en = hashtag_findings("--text", "#paintout", "--language", "en")
    tap.check("check --language: the post's language is tried first (French by default)",
              [f.get("fix") for f in fr] == ["#PainTout"] and [f.get("fix") for f in en] == ["#PaintOut"],
              f"{fr} {en}")
    p = run("check", "--network", "mastodon", "--text", "#paintout", "--language", "de")
    tap.check("check refuses an unknown language in one line", p.returncode != 0 and p.stderr.count("\n") == 1,
              p.stderr)
    p = run("check", "--network", "mastodon", "--text", "Du #painaulevain")
    tap.check("check prints a hashtag's fix",
              "hashtag-camelcase (#painaulevain)" in p.stdout and "#PainAuLevain" in p.stdout, p.stdout)

    # The brand's charter applies to a stored post
    charter_csv = os.path.join(tmp, "charte.csv")
    with open(charter_csv, "w", encoding="utf-8") as f:
        f.write("date;heure;canaux;texte\n2026-12-03;09:30;mastodon;Du pain pas cher, écrivez par e-mail\n")
    run("import-posts", "--database", db, charter_csv)
    con = sqlite3.connect(db)
    post_id = con.execute("SELECT id FROM posts WHERE body LIKE 'Du pain pas cher%'").fetchone()[0]
    con.close()
    p = run("check", "--post", str(post_id), "--database", db, "--json")
    findings = json.loads(p.stdout or "{}").get("findings", [])
    forbidden = [f for f in findings if f["id"] == "charter-forbidden"]
    tap.check("check --post applies the brand's charter: forbidden word (blocking) and spelling with its fix",
              p.returncode == 1 and len(forbidden) == 2
              and any(f["fix"] == "courriel" for f in forbidden)
              and any(f["severity"] == "blocking" and f["fix"] is None for f in forbidden), p.stdout + p.stderr)

    # A channel's own text is checked as the editor checks it, for its network
    con = sqlite3.connect(db)
    mastodon_id = con.execute("SELECT id FROM channels WHERE network = 'mastodon'").fetchone()[0]
    bluesky_id = con.execute("SELECT id FROM channels WHERE network = 'bluesky'").fetchone()[0]
    con.execute("INSERT INTO post_variants (post_id, channel_id, text_override) VALUES (?, ?, ?)",
                (post_id, bluesky_id, "Pain " * 80 + "#painaulevain"))
    con.execute("INSERT OR IGNORE INTO post_variants (post_id, channel_id) VALUES (?, ?)", (post_id, mastodon_id))
    con.commit()
    con.close()
    p = run("check", "--post", str(post_id), "--database", db, "--json")
    out = json.loads(p.stdout or "{}")
    counts = {c["network"]: c["length"] for c in out.get("counts", [])}
    own = [f for f in out.get("findings", []) if "Bluesky" in f["target"]]
    tap.check("check --post checks each channel's own text: its length and its findings",
              counts.get("bluesky") == 400 + len("#painaulevain") and counts.get("mastodon", 0) < 100
              and any(f["id"] == "text-too-long" for f in own)
              and any(f["id"] == "hashtag-camelcase" for f in own), p.stdout + p.stderr)

    # Designs: rendered at the format's size, contrast measured on the pixels
    def png_size(path):
        with open(path, "rb") as f:
            head = f.read(24)
        return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")

    gradient = os.path.join(tmp, "gradient.json")
    with open(gradient, "w", encoding="utf-8") as f:
        json.dump({"format": "portrait", "background": {"colour": "#ffffff", "gradient": "#000000"},
                   "layers": [{"type": "text", "text": "Pain de saison, au levain", "size": 20, "weight": 400,
                               "colour": "#767676", "x": 80, "y": 500, "width": 900}]}, f)
    flat = os.path.join(tmp, "flat.json")
    with open(flat, "w", encoding="utf-8") as f:
        json.dump({"format": "story", "background": {"colour": "#ffffff"},
                   "layers": [{"type": "text", "text": "Pain de saison", "size": 20, "colour": "#767676",
                               "x": 80, "y": 500, "width": 900}]}, f)
    out = os.path.join(tmp, "visual.png")
    p = run("render-visual", gradient, out)
    tap.check("render-visual writes a PNG at the format's exact size",
              p.returncode == 0 and png_size(out) == (1080, 1350), p.stderr)
    p = run("render-visual", flat, out)
    tap.check("render-visual: story is 1080 x 1920", p.returncode == 0 and png_size(out) == (1080, 1920), p.stderr)
    p = run("check", "--visual", gradient, "--json")
    findings = json.loads(p.stdout or "{}").get("findings", [])
    tap.check("check --visual: grey text on a gradient fails on the pixels (declared colours pass)",
              [f["id"] for f in findings] == ["contrast-low"] and findings[0]["target"] == "text layer 1"
              and findings[0]["fix"] == "#000000", p.stdout + p.stderr)
    p = run("check", "--visual", flat, "--json")
    tap.check("check --visual: the same text on flat white passes",
              p.returncode == 0 and json.loads(p.stdout or "{}").get("findings") == [], p.stdout + p.stderr)
    bad = os.path.join(tmp, "bad.json")
    with open(bad, "w") as f:
        f.write('{"format": "square", "layers": [{"type": "text", "colour": "#12"}]}')
    missing_out = os.path.join(tmp, "none.png")
    p = run("render-visual", bad, missing_out)
    tap.check("render-visual refuses a bad design in one line and writes nothing",
              p.returncode != 0 and p.stderr.count("\n") == 1 and "Layer 1" in p.stderr
              and not os.path.exists(missing_out), p.stderr)

    # Brands and channels of a workspace of one's own (issue 12)
    own = os.path.join(tmp, "own", "client.db")
    p = run("brands", "list", "--database", own)
    tap.check("brands list on a missing workspace fails in one line and creates nothing",
              p.returncode != 0 and p.stderr.count("\n") == 1 and not os.path.exists(own), p.stderr)
    p = run("brands", "add", "Boulangerie Martin", "--timezone", "Europe/Paris", "--database", own)
    tap.check("brands add creates the workspace with its first brand", p.returncode == 0 and os.path.exists(own),
              p.stderr)
    p = run("brands", "add", "Café Lumière", "--language", "en", "--database", own)
    p2 = run("brands", "list", "--database", own)
    lines = [l.split("\t") for l in p2.stdout.splitlines()]
    tap.check("brands list: name, timezone (the system's by default), language",
              p.returncode == 0 and lines == [["Boulangerie Martin", "Europe/Paris", "fr"],
                                              ["Café Lumière", "system", "en"]], p2.stdout + p.stderr)
    for args, what in [(["add", "boulangerie martin"], "a duplicate name"),
                       (["add", "X", "--timezone", "Mars/Olympus"], "an unknown timezone"),
                       (["add", "X", "--language", "français"], "a language that is no code"),
                       (["add", "  "], "an empty name"),
                       (["archive", "Nobody"], "an unknown brand"),
                       (["frobnicate"], "an unknown action")]:
        p = run("brands", *args, "--database", own)
        tap.check("brands refuses %s in one line" % what, p.returncode != 0 and p.stderr.count("\n") == 1, p.stderr)
    p = run("channels", "add", "--brand", "Boulangerie Martin", "--network", "mastodon",
            "--name", "@martin@piaille.fr", "--database", own)
    tap.check("channels add", p.returncode == 0, p.stderr)
    p = run("channels", "add", "--brand", "Café Lumière", "--network", "tiktok", "--name", "@cafe", "--database", own)
    p2 = run("channels", "add", "--brand", "café lumière", "--network", "instagram", "--name", "@cafe", "--database", own)
    tap.check("channels add: any network, the same handle on another network",
              p.returncode == 0 and p2.returncode == 0, p.stderr + p2.stderr)
    for args, what in [(["--brand", "Boulangerie Martin", "--network", "mastodon", "--name", "@MARTIN@piaille.fr"],
                        "a duplicate handle"),
                       (["--brand", "Boulangerie Martin", "--network", "myspace", "--name", "@x"], "an unknown network"),
                       (["--brand", "Nobody", "--network", "x", "--name", "@x"], "an unknown brand"),
                       (["--brand", "Boulangerie Martin", "--network", "x"], "a missing handle")]:
        p = run("channels", "add", *args, "--database", own)
        tap.check("channels add refuses %s in one line" % what, p.returncode != 0 and p.stderr.count("\n") == 1,
                  p.stderr)
    p = run("channels", "list", "--database", own)
    tap.check("channels list: network, handle, brand, every brand",
              [l.split("\t") for l in p.stdout.splitlines()] ==
              [["mastodon", "@martin@piaille.fr", "Boulangerie Martin"],
               ["instagram", "@cafe", "Café Lumière"], ["tiktok", "@cafe", "Café Lumière"]]
              or sorted(p.stdout.splitlines()) == sorted([
                  "mastodon\t@martin@piaille.fr\tBoulangerie Martin", "instagram\t@cafe\tCafé Lumière",
                  "tiktok\t@cafe\tCafé Lumière"]), p.stdout + p.stderr)
    p = run("channels", "list", "--brand", "Boulangerie Martin", "--database", own)
    tap.check("channels list --brand", p.stdout.splitlines() == ["mastodon\t@martin@piaille.fr\tBoulangerie Martin"],
              p.stdout + p.stderr)
    # A post on the channel: removing the channel keeps the post
    csv_own = os.path.join(tmp, "own.csv")
    with open(csv_own, "w", encoding="utf-8") as f:
        f.write("date,time,channels,text\n2026-12-10,09:30,@martin@piaille.fr,Bonjour\n")
    p = run("import-posts", "--brand", "Boulangerie Martin", "--database", own, csv_own)
    tap.check("import-posts works for a brand of one's own", p.returncode == 0, p.stdout + p.stderr)
    p = run("channels", "remove", "@cafe", "--database", own)
    tap.check("channels remove refuses an ambiguous handle in one line",
              p.returncode != 0 and p.stderr.count("\n") == 1, p.stderr)
    p = run("channels", "remove", "@cafe", "--network", "tiktok", "--database", own)
    p2 = run("channels", "remove", "@martin@piaille.fr", "--database", own)
    con = sqlite3.connect(own)
    n_posts = con.execute("SELECT count(*) FROM posts").fetchone()[0]
    con.close()
    tap.check("channels remove: the channel goes, its posts stay",
              p.returncode == 0 and p2.returncode == 0 and "1 post kept" in p2.stdout and n_posts == 1,
              p.stdout + p2.stdout + p.stderr + p2.stderr)
    p = run("channels", "remove", "@nobody", "--database", own)
    tap.check("channels remove refuses an unknown handle in one line",
              p.returncode != 0 and p.stderr.count("\n") == 1, p.stderr)
    # A post of an English brand is checked in English unless told
    csv_en = os.path.join(tmp, "en.csv")
    with open(csv_en, "w", encoding="utf-8") as f:
        f.write("date,time,channels,text\n2026-12-11,09:30,@cafe,Time to #paintout\n")
    p = run("import-posts", "--brand", "Café Lumière", "--database", own, csv_en)
    con = sqlite3.connect(own)
    en_post = con.execute("SELECT id FROM posts WHERE body LIKE '%paintout%'").fetchone()
    con.close()
    fixes = {}
    for lang in ([], ["--language", "fr"]):
        p2 = run("check", "--post", str(en_post[0]) if en_post else "0", *lang, "--json", "--database", own)
        try:
            found = json.loads(p2.stdout).get("findings", [])
        except ValueError:
            found = []
        fixes[tuple(lang)] = [f.get("fix") for f in found if f.get("id") == "hashtag-camelcase"]
    tap.check("check --post: a post is checked in its brand's language; --language overrides it",
              p.returncode == 0 and fixes[()] == ["#PaintOut"] and fixes[("--language", "fr")] == ["#PainTout"],
              f"{fixes} {p.stderr}")
    p = run("brands", "add", "Bilingual Bakery", "--language", "en,fr", "--database", own)
    p2 = run("brands", "list", "--database", own)
    tap.check("brands add takes several languages, the posts' first",
              p.returncode == 0 and "Bilingual Bakery\tsystem\ten,fr" in p2.stdout, p.stderr + p2.stdout)
    p = run("brands", "archive", "Café Lumière", "--database", own)
    p2 = run("brands", "list", "--database", own)
    p3 = run("brands", "list", "--all", "--database", own)
    tap.check("brands archive hides the brand, --all shows it, nothing is deleted",
              p.returncode == 0 and "Café Lumière" not in p2.stdout
              and "Café Lumière\tsystem\ten\tarchived" in p3.stdout, p.stderr + p2.stdout + p3.stdout)
    p = run("export-posts", "--brand", "Café Lumière", "--from", "2026-12-01", "--to", "2026-12-31",
            "--database", own, os.path.join(tmp, "cafe.csv"))
    tap.check("export-posts works for an archived brand", p.returncode == 0, p.stderr)

    # The brand's timezone is the truth: a laptop in Paris plans a Montréal
    # brand's posts in Montréal time, on both sides of Montréal's change of
    # clock (2026-11-01), and reads them back the same
    paris = dict(os.environ, TZ="Europe/Paris")

    def run_paris(*args):
        return subprocess.run([cli, *args], capture_output=True, text=True, timeout=60, env=paris)

    mtl = os.path.join(tmp, "montreal.db")
    run_paris("brands", "add", "Boulangerie Montréal", "--timezone", "America/Montreal", "--database", mtl)
    run_paris("channels", "add", "--brand", "Boulangerie Montréal", "--network", "mastodon",
              "--name", "@mtl@piaille.fr", "--database", mtl)
    csv_mtl = os.path.join(tmp, "mtl.csv")
    with open(csv_mtl, "w", encoding="utf-8") as f:
        f.write("date,time,channels,text\n2026-10-30,09:00,@mtl@piaille.fr,Vendredi\n"
                "2026-11-02,09:00,@mtl@piaille.fr,Lundi\n")
    p = run_paris("import-posts", "--database", mtl, csv_mtl)
    con = sqlite3.connect(mtl)
    times = [r[0] for r in con.execute("SELECT scheduled_at FROM posts ORDER BY scheduled_at")]
    con.close()
    tap.check("import-posts reads times in the brand's timezone, whatever the computer's (DST included)",
              p.returncode == 0 and times == [1793365200, 1793365200 + 3 * 86400 + 3600], f"{times} {p.stderr}")
    out_mtl = os.path.join(tmp, "mtl-out.csv")
    p = run_paris("export-posts", "--database", mtl, "--from", "2026-10-30", "--to", "2026-11-02", out_mtl)
    exported = open(out_mtl, encoding="utf-8").read() if os.path.exists(out_mtl) else ""
    tap.check("export-posts writes them back at 09:00, the brand's time, on the brand's days",
              p.returncode == 0 and exported.count("09:00") == 2 and "2026-10-30" in exported
              and "2026-11-02" in exported, exported + p.stderr)
    # Metrics, KPIs and the client report (issue 15)
    kdb = os.path.join(tmp, "kpi", "atelier.db")
    run("brands", "add", "Atelier", "--database", kdb)
    run("channels", "add", "--brand", "Atelier", "--network", "mastodon", "--name", "@atelier", "--database", kdb)
    run("channels", "add", "--brand", "Atelier", "--network", "instagram", "--name", "@atelier.insta", "--database", kdb)

    def metric_rows():
        con = sqlite3.connect(kdb)
        n = con.execute("SELECT count(*) FROM metric_samples").fetchone()[0]
        con.close()
        return n

    metrics_csv = os.path.join(tmp, "metrics.csv")
    with open(metrics_csv, "w", encoding="utf-8") as f:
        f.write("date,metric,value\n2026-02-28,followers,1000\n"
                "2026-03-01,followers,1010\n2026-03-01,impressions,5000\n2026-03-01,reach,3000\n"
                "2026-03-01,engagements,300\n2026-03-01,clicks,50\n2026-03-01,spend,20\n2026-03-01,revenue,50\n"
                "2026-03-15,followers,1234\n2026-03-15,impressions,7000\n2026-03-15,reach,2000\n"
                "2026-03-15,engagements,200\n2026-03-15,clicks,30\n")
    p = run("import-metrics", metrics_csv, "--channel", "@atelier", "--database", kdb)
    tap.check("import-metrics imports a generic file", p.returncode == 0 and "13 values imported" in p.stdout
              and metric_rows() == 13, p.stdout + p.stderr)

    bad_metrics = os.path.join(tmp, "bad-metrics.csv")
    for content, line, what in [
            ("date,metric,value\n2026-03-20,reach,10\n2026-03-21,reach,10\n2026-03-32,reach,10\n", "Line 4", "a bad date"),
            ("date,metric,value\n2026-03-20,reach,10\n2026-03-21,likes,10\n", "Line 3", "an unknown metric"),
            ("date,metric,value\n2026-03-20,reach,dix\n", "Line 2", "a value that is no number"),
            ("date,metric,value\n2026-03-20,reach,10\n2026-03-21,spend,-5\n", "Line 3", "a negative amount")]:
        with open(bad_metrics, "w", encoding="utf-8") as f:
            f.write(content)
        p = run("import-metrics", bad_metrics, "--channel", "@atelier", "--database", kdb)
        tap.check("import-metrics refuses a file with %s, naming its line, importing nothing" % what,
                  p.returncode != 0 and p.stderr.count("\n") == 1 and line in p.stderr and metric_rows() == 13,
                  p.stderr)
    for args, what in [(["--channel", "@nobody"], "an unknown channel"),
                       (["--channel", "@atelier", "--preset", "tiktok"], "an unknown preset"),
                       ([], "a missing --channel")]:
        p = run("import-metrics", metrics_csv, *args, "--database", kdb)
        tap.check("import-metrics refuses %s in one line" % what, p.returncode != 0 and p.stderr.count("\n") == 1,
                  p.stderr)

    def kpis(*args):
        p = run("kpis", "--brand", "Atelier", "--from", "2026-03-01", "--to", "2026-03-31", "--json",
                "--database", kdb, *args)
        try:
            return p, json.loads(p.stdout)["kpis"]
        except (ValueError, KeyError):
            return p, {}

    p, k = kpis("--compare-from", "2026-02-01", "--compare-to", "2026-02-28")
    names = {"followers", "followers_growth", "reach", "impressions", "engagements", "engagement_rate", "clicks",
             "ctr", "conversions", "spend", "revenue", "roi"}
    tap.check("kpis --json maps every KPI to its value and previous value",
              p.returncode == 0 and names <= set(k) and all(set(k[n]) == {"value", "previous"} for n in names),
              p.stdout + p.stderr)
    tap.check("kpis: followers is the last level, growth from the day before the period, amounts are sums",
              k.get("followers") == {"value": 1234, "previous": 1000}
              and k.get("followers_growth", {}).get("value") == 234
              and k.get("impressions", {}).get("value") == 12000 and k.get("reach", {}).get("value") == 5000
              and k.get("engagements", {}).get("value") == 500 and k.get("clicks", {}).get("value") == 80,
              p.stdout)
    tap.check("kpis: rates are ratios of the sums",
              abs(k.get("engagement_rate", {}).get("value", 0) - 0.1) < 1e-9
              and abs(k.get("ctr", {}).get("value", 0) - 80 / 12000) < 1e-9
              and abs(k.get("roi", {}).get("value", 0) - 1.5) < 1e-9, p.stdout)
    tap.check("kpis: null where undefined (nothing recorded, no level before, nothing spent)",
              k.get("conversions") == {"value": None, "previous": None}
              and k.get("followers_growth", {}).get("previous") is None
              and k.get("impressions", {}).get("previous") is None and k.get("roi", {}).get("previous") is None,
              p.stdout)

    with open(bad_metrics, "w", encoding="utf-8") as f:
        f.write("date,metric,value\n2026-03-15,impressions,8000\n")
    p = run("import-metrics", bad_metrics, "--channel", "@atelier", "--database", kdb)
    p2, k = kpis()
    tap.check("importing a day and metric again replaces its value (no double counting)",
              p.returncode == 0 and metric_rows() == 13 and k.get("impressions", {}).get("value") == 13000,
              p.stderr + p2.stdout)
    tap.check("kpis compares with the period just before by default",
              json.loads(p2.stdout or "{}").get("compare_from") == "2026-01-29"
              and k.get("followers", {}).get("previous") == 1000, p2.stdout)

    meta_csv = os.path.join(tmp, "meta.csv")
    with open(meta_csv, "w", encoding="utf-8") as f:
        f.write("Date;Couverture;Impressions;Clics sur un lien\n2026-03-02;1 500;2 000;12\n")
    p = run("import-metrics", meta_csv, "--channel", "@atelier.insta", "--preset", "meta", "--database", kdb)
    p2, k = kpis()
    tap.check("import-metrics --preset meta reads Meta Business Suite's columns",
              p.returncode == 0 and k.get("impressions", {}).get("value") == 15000
              and k.get("reach", {}).get("value") == 6500, p.stdout + p.stderr)

    p = run("kpis", "--brand", "Atelier", "--from", "2026-03-01", "--to", "2026-03-31", "--database", kdb)
    p_fr = subprocess.run([cli, "kpis", "--brand", "Atelier", "--from", "2026-03-01", "--to", "2026-03-31",
                           "--database", kdb], capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, LC_ALL="fr_FR.UTF-8"))
    tap.check("kpis prints a readable table, numbers grouped as the locale writes them",
              p.returncode == 0 and "Followers" in p.stdout and "15000" in p.stdout
              and p_fr.returncode == 0 and ("15\u202f000" in p_fr.stdout or "15\u00a0000" in p_fr.stdout
                                            or "15 000" in p_fr.stdout), p.stdout + p_fr.stdout + p_fr.stderr)
    for args, what in [(["--compare-from", "2026-02-01"], "--compare-from without --compare-to"),
                       (["--compare-from", "2026-02-01", "--compare-to", "2026-01-01"], "a comparison ending before it starts"),
                       (["--brand", "Nobody"], "an unknown brand")]:
        p = run("kpis", "--brand", "Atelier", "--from", "2026-03-01", "--to", "2026-03-31", "--database", kdb, *args)
        tap.check("kpis refuses %s in one line" % what, p.returncode != 0 and p.stderr.count("\n") == 1, p.stderr)
    p = run("kpis", "--brand", "Atelier", "--from", "2026-03-31", "--to", "2026-03-01", "--database", kdb)
    tap.check("kpis refuses --to before --from in one line", p.returncode != 0 and p.stderr.count("\n") == 1, p.stderr)

    pdf = os.path.join(tmp, "atelier.pdf")
    p = run("export-report", "--brand", "Atelier", "--from", "2026-03-01", "--to", "2026-03-31", "--database", kdb,
            pdf)
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True) if os.path.exists(pdf) else None
    pages = [l.split()[-1] for l in (info.stdout if info else "").splitlines() if l.startswith("Pages:")]
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout \
        if os.path.exists(pdf) else ""
    tap.check("export-report writes a PDF: cover, summary, overview, a page per channel, top posts, best times, "
              "recommendations", p.returncode == 0 and pages == ["8"], p.stdout + p.stderr + str(pages))
    tap.check("the report's text is real text: brand, headings, channels, KPI values",
              all(w in text for w in ["Atelier", "Executive summary", "Engagement rate", "@atelier.insta",
                                       "Top posts", "Best times to publish", "Recommendations", "15000", "1234",
                                       "10.00 %"]), text[:3000])
    p = run("export-report", "--brand", "Atelier", "--from", "2026-03-01", "--to", "2026-02-01", "--database", kdb,
            os.path.join(tmp, "none.pdf"))
    tap.check("export-report refuses a bad period in one line and writes nothing",
              p.returncode != 0 and p.stderr.count("\n") == 1 and not os.path.exists(os.path.join(tmp, "none.pdf")),
              p.stderr)
    # The unified inbox (issue 14): import-notifications and inbox
    inbox_db = os.path.join(tmp, "inbox", "w.db")
    run("brands", "add", "Fournil", "--database", inbox_db)
    run("channels", "add", "--brand", "Fournil", "--network", "mastodon", "--name", "@fournil@piaille.fr",
        "--database", inbox_db)

    def note(id, kind, author, text, at, **extra):
        return json.dumps(dict(channel="@fournil@piaille.fr", id=id, kind=kind, author=author,
                               handle="@" + author.lower() + "@piaille.fr", text=text, created_at=at, **extra),
                          ensure_ascii=False)

    lines = [note("n1", "mention", "Zoé", "Bravo pour la fournée", "2026-11-23T09:50:00+01:00"),
             note("n2", "mention", "Marc", "Ouvert dimanche\u202f?", "2026-11-23T08:00:00+01:00"),
             note("n3", "dm", "Inès", "Bonjour", "2026-11-22T08:00:00+01:00"),
             note("n6", "reply", "Paul", "Votre crème brûlée, quel délice", "2026-11-23T07:00:00+01:00",
                  in_reply_to="post-9")]
    lines += [note("like%d" % i, "like", "Léa" if i == 0 else "Fan%d" % i, "", "2026-11-23T09:%02d:00+01:00" % (40 - i),
                   subject="post-1", url="https://piaille.fr/@fournil/1") for i in range(40)]
    jsonl = os.path.join(tmp, "notifications.jsonl")
    with open(jsonl, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

    def n_notifications():
        con = sqlite3.connect(inbox_db)
        n = con.execute("SELECT count(*) FROM notifications").fetchone()[0]
        con.close()
        return n

    p = run("import-notifications", "--database", inbox_db, jsonl)
    tap.check("import-notifications stores each line and says how many",
              p.returncode == 0 and n_notifications() == 44 and "44 notifications added, 0 were already there"
              in p.stdout, p.stdout + p.stderr)
    p = run("import-notifications", "--database", inbox_db, jsonl)
    tap.check("import-notifications again adds nothing",
              p.returncode == 0 and n_notifications() == 44 and "0 notifications added, 44 were already there"
              in p.stdout, p.stdout + p.stderr)

    good = note("n7", "mention", "Eva", "Nouveau", "2026-11-23T09:55:00+01:00")
    for bad, what in [('{"channel": "@fournil@piaille.fr", "id": ', "bad JSON"),
                      (note("n8", "mention", "Eva", "x", "2026-11-23T09:55:00+01:00").replace('"author"', '"autor"'),
                       "a missing field"),
                      (note("n8", "favourite", "Eva", "x", "2026-11-23T09:55:00+01:00"), "an unknown kind"),
                      (note("n8", "mention", "Eva", "x", "2026-11-23T09:55:00+01:00").replace(
                          "@fournil@piaille.fr", "@nobody"), "an unknown channel"),
                      (note("n8", "mention", "Eva", "x", "2026-11-23T09:55:00"), "a date without offset"),
                      (note("n8", "mention", "Eva", "x", "23/11/2026"), "a bad date")]:
        path = os.path.join(tmp, "bad.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write(good + "\n\n" + bad + "\n")
        p = run("import-notifications", "--database", inbox_db, path)
        tap.check("import-notifications refuses %s, naming line 3, and imports nothing" % what,
                  p.returncode != 0 and p.stderr.count("\n") == 1 and "Line 3" in p.stderr
                  and n_notifications() == 44, p.stdout + p.stderr)

    def inbox(*args):
        p = run("inbox", "--database", inbox_db, "--json", *args)
        try:
            return p, json.loads(p.stdout)
        except ValueError:
            return p, []

    p, items = inbox()
    ids = [i.get("id") for i in items]
    tap.check("inbox: the DM first, the question before a newer plain mention, the likes grouped",
              p.returncode == 0 and ids[:2] == ["n3", "n2"] and ids.index("n2") < ids.index("n1")
              and ids.count("like0") == 1 and len(items) == 5, ids)
    group = [i for i in items if i.get("id") == "like0"]
    tap.check("inbox: a group is its newest member with the count",
              group and group[0].get("count") == 40 and group[0].get("kind") == "like"
              and group[0].get("author") == "Léa" and all("count" not in i for i in items if i["kind"] != "like"),
              group)
    n3 = [i for i in items if i.get("id") == "n3"]
    try:
        from datetime import datetime
        when = datetime.fromisoformat(n3[0]["created_at"].replace("Z", "+00:00")) if n3 else None
    except (ValueError, KeyError):
        when = None
    tap.check("inbox --json: id, kind, author, text and an ISO 8601 created_at",
              n3 and n3[0].get("kind") == "dm" and n3[0].get("author") == "Inès" and n3[0].get("text") == "Bonjour"
              and when is not None and when.isoformat() == "2026-11-22T07:00:00+00:00", n3)
    p, items = inbox("--view", "all")
    tap.check("inbox --view all: every item, newest first",
              len(items) == 44 and items[0].get("id") == "n1" and items[-1].get("id") == "n3", [i.get("id") for i in items])
    p, items = inbox("--search", "creme brulee")
    p2, items2 = inbox("--search", "FOURNEE")
    tap.check("inbox --search is accent- and case-blind",
              [i.get("id") for i in items] == ["n6"] and [i.get("id") for i in items2] == ["n1"],
              p.stdout + p.stderr + p2.stdout)
    p = run("inbox", "--database", inbox_db)
    first = p.stdout.splitlines()[0].split("\t") if p.stdout else []
    group_line = [l for l in p.stdout.splitlines() if "\tlike\t" in l]
    tap.check("inbox prints date, kind, author and text, a group saying who else",
              p.returncode == 0 and first[1:3] == ["dm", "Inès"]
              and group_line and group_line[0].endswith("Léa and 39 others liked your post"), p.stdout + p.stderr)
    run("brands", "add", "Autre", "--database", inbox_db)
    p = run("inbox", "--database", inbox_db)
    p2 = run("inbox", "--database", inbox_db, "--view", "everything", "--brand", "Fournil")
    tap.check("inbox needs --brand when there are several, and a known view, each refused in one line",
              p.returncode != 0 and p.stderr.count("\n") == 1 and "--brand" in p.stderr
              and p2.returncode != 0 and p2.stderr.count("\n") == 1, p.stderr + p2.stderr)

    p = run("frobnicate")
    tap.check("an unknown command fails in one line", p.returncode != 0 and p.stderr.count("\n") == 1, p.stderr)

    p = run("stats", "--database", db, "extra")
    tap.check("stats refuses extra arguments", p.returncode != 0, p.stderr)

tap.finish()
