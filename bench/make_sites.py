#!/usr/bin/env python3
"""Makes the benchmark's two sites side by side: the example report plus N generated Markdown sections of about
4 KB each, once for Tiendo (Content/, Templates/) and once for Hugo (content/, layouts/), with the same text.

    python3 bench/make_sites.py N DEST

DEST/tiendo and DEST/hugo are created anew. The text is deterministic (seeded), so runs compare like with like.
An existing DEST is not deleted but moved into DEST's parent as `.trash-*` (see `bench/run.py`: deleting many
files slows down creating files for minutes on ext4 without a journal); `bench/run.py` empties it at the end.
"""
import random
import shutil
import sys
import time
from pathlib import Path

WORDS = ("thư viện bảo tàng nhà văn hóa học tập suốt đời người dân cộng đồng xã phường huyện tỉnh kế hoạch "
         "chỉ tiêu năm số liệu hoạt động đọc sách chuyển đổi số dịch vụ trực tuyến tập huấn cán bộ triển khai "
         "tuyên truyền phát triển văn hóa đọc không gian sáng tạo di sản trưng bày giáo dục").split()


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + "."


def body(rng: random.Random, index: int, count: int) -> str:
    parts = []
    for block in range(5):
        parts.append(f"## Nội dung {block + 1}\n")
        parts.append(" ".join(sentence(rng) for _ in range(5)) + "\n")
        parts.append("\n".join(f"- {sentence(rng)}" for _ in range(3)) + "\n")
        other = (index + block + 1) % count
        parts.append(f"Xem thêm *phần {other}* và **mục tiêu** của kế hoạch.\n")
    return "\n".join(parts)


def set_aside(path: Path) -> None:
    """Moves `path` (if it exists) into a `.trash-*` folder beside it, freeing no inode (a rename)."""
    if path.exists():
        trash = path.parent / ".trash-bench"
        trash.mkdir(parents=True, exist_ok=True)
        path.rename(trash / f"{path.name}-{time.time_ns()}")


def main() -> None:
    count, dest = int(sys.argv[1]), Path(sys.argv[2])
    repo = Path(__file__).resolve().parent.parent
    tiendo, hugo = dest / "tiendo", dest / "hugo"
    set_aside(dest)
    shutil.copytree(repo / "Content", tiendo / "Content")
    shutil.copytree(repo / "Templates", tiendo / "Templates")
    (hugo / "content" / "phan").mkdir(parents=True)
    (hugo / "layouts" / "_default").mkdir(parents=True)
    (hugo / "config.toml").write_text('baseURL = "https://example.org/"\nlanguageCode = "vi"\n'
                                      'title = "Bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
    (hugo / "layouts" / "_default" / "baseof.html").write_text(
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title>'
        '<link rel="stylesheet" href="/assets/style.css"></head>\n<body><header><a href="/">Trang chủ</a></header>'
        '<main>{{ block "main" . }}{{ end }}</main></body></html>\n')
    (hugo / "layouts" / "_default" / "single.html").write_text(
        '{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}'
        '{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}'
        '{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</article>{{ end }}\n')
    (hugo / "layouts" / "_default" / "list.html").write_text(
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">'
        '{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n')
    rng = random.Random(288)
    for index in range(count):
        title = f"Phần {index:05d}: {rng.choice(WORDS)} {rng.choice(WORDS)}"
        text = body(rng, index, count)
        name = f"p{index:05d}"
        (tiendo / "Content" / "sections" / f"{name}.md").write_text(
            f'---\ntitle: "{title}"\norder: {100 + index}\nslug: {name}\n---\n{text}')
        (hugo / "content" / "phan" / f"{name}.md").write_text(
            f'---\ntitle: "{title}"\nweight: {100 + index}\n---\n{text}')


if __name__ == "__main__":
    main()
