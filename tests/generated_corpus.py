"""A generated corpus for ingest tests and benchmarks: seed variants and invented articles.

Every file is made here, deterministically, from the repository's seed articles and from
sentences invented below (no text of the shared real-news corpus). The corpus mixes what a
real folder holds: plain text with and without a header block, HTML pages, sidecars,
files without a publication date, nested folders and byte-identical copies.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PLACES = (
    "Hama",
    "Homs",
    "Aleppo",
    "Daraa",
    "Idlib",
    "Raqqa",
    "Manbij",
    "Sweida",
    "Latakia",
    "Tartus",
    "Palmyra",
    "Saraqib",
    "Maarat al-Numan",
    "Khan Sheikhoun",
    "Tal Rifaat",
    "Deir ez-Zor",
    "Qusayr",
    "Rastan",
    "Talbiseh",
    "Jableh",
)
ACTORS = (
    "Rebels",
    "Opposition fighters",
    "Government forces",
    "Syrian army troops",
    "The SDF",
    "HTS fighters",
    "Turkish-backed factions",
)
VERBS = ("seized", "captured", "entered", "withdrew from", "encircled", "took control of")
DAYS = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "overnight")
SAYS = ("", ", the monitor said", ", according to a war monitor", ", state media reported")
FILLER = (
    "Residents described heavy traffic on the main road as families fled south.",
    "Aid groups said they had suspended deliveries until the situation became clearer.",
    "Prices of bread and fuel rose sharply in the markets of the city this week.",
    "Several schools closed their doors and teachers were told to stay at home.",
    "Electricity was cut for most of the day in the surrounding neighbourhoods.",
)


def invented_article(rng: random.Random, number: int) -> str:
    """An invented news text of a few paragraphs with control claims."""
    paragraphs = [f"Dispatch {number}."]
    for _ in range(rng.randint(3, 7)):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            if rng.random() < 0.6:
                sentences.append(
                    f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(PLACES)} "
                    f"{rng.choice(DAYS)}{rng.choice(SAYS)}."
                )
            else:
                sentences.append(rng.choice(FILLER))
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def write_corpus(folder: Path, n_files: int = 300, *, seed: int = 11) -> list[Path]:
    """Write about ``n_files`` article files below ``folder``; return them in ingest order.

    One file in five is a seed variant (a seed text made unique by a first line), the rest
    are invented; some carry a header block or a sidecar, some are HTML, some have no
    publication date, and a few are byte-identical copies of earlier files in another
    folder.
    """
    rng = random.Random(seed)
    seeds = seed_texts()
    files: list[Path] = []
    for i in range(n_files):
        sub = folder / f"part{i % 4}" / ("deep" if i % 3 == 0 else "")
        sub.mkdir(parents=True, exist_ok=True)
        day = 1 + i % 9
        if i % 25 == 24 and files:
            # an exact copy of an earlier file, elsewhere
            original = files[rng.randrange(len(files))]
            copy = sub / f"copy{i:04d}{original.suffix}"
            copy.write_bytes(original.read_bytes())
            files.append(copy)
            continue
        if i % 5 == 0:
            body = f"Report number {i}.\n\n" + seeds[(i // 5) % len(seeds)]
        else:
            body = invented_article(rng, i)
        kind = i % 7
        if kind == 0:
            path = sub / f"a{i:04d}.html"
            paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
            path.write_text(
                "<html><head><title>Dispatch</title>"
                f'<meta property="article:published_time" content="2024-12-0{day}">'
                f"</head><body><nav>Home | World</nav><article>{paragraphs}</article>"
                "<footer>Contact us</footer></body></html>",
                encoding="utf-8",
            )
        elif kind == 1:
            path = sub / f"a{i:04d}.txt"
            path.write_text(body, encoding="utf-8")
            sidecar = path.with_name(path.name + ".meta.json")
            sidecar.write_text(
                json.dumps({"published": f"2024-12-0{day}", "publisher": f"Wire {i % 3}"}),
                encoding="utf-8",
            )
        elif kind == 2:
            path = sub / f"a{i:04d}.txt"  # no date anywhere: undated candidates
            path.write_text(body, encoding="utf-8")
        else:
            path = sub / f"a{i:04d}.txt"
            path.write_text(
                f"publisher: Desk {i % 4}\npublished: 2024-12-0{day}\n\n{body}", encoding="utf-8"
            )
        files.append(path)
    return sorted(files, key=lambda p: [part for part in p.relative_to(folder).parts])
