#!/usr/bin/env python3
"""Writes the invented sample data in Content/data/ (sample_data: true in site.yaml).

Run from the project root: python3 docs/make-sample-data.py. The output is deterministic.
The numbers are illustrative only; they are NOT official statistics.
"""
import csv
import os

DISTRICTS = ["thanh-pho-hue", "huong-thuy", "huong-tra", "phong-dien", "quang-dien", "phu-vang", "phu-loc",
             "a-luoi", "nam-dong"]
DISTRICT_NAMES = {"thanh-pho-hue": "thành phố Huế", "huong-thuy": "thị xã Hương Thủy",
                  "huong-tra": "thị xã Hương Trà", "phong-dien": "huyện Phong Điền",
                  "quang-dien": "huyện Quảng Điền", "phu-vang": "huyện Phú Vang", "phu-loc": "huyện Phú Lộc",
                  "a-luoi": "huyện A Lưới", "nam-dong": "huyện Nam Đông"}
COMMUNES = [("thanh-pho-hue", "phường Thuận Hòa"), ("thanh-pho-hue", "phường Phú Hội"),
            ("thanh-pho-hue", "phường Vỹ Dạ"), ("thanh-pho-hue", "phường Kim Long"),
            ("huong-thuy", "phường Thủy Dương"), ("huong-thuy", "xã Thủy Thanh"), ("huong-thuy", "xã Dương Hòa"),
            ("huong-tra", "phường Hương Văn"), ("huong-tra", "xã Bình Tiến"), ("huong-tra", "xã Hương Toàn"),
            ("phong-dien", "thị trấn Phong Điền"), ("phong-dien", "xã Phong An"), ("phong-dien", "xã Phong Hiền"),
            ("quang-dien", "thị trấn Sịa"), ("quang-dien", "xã Quảng Phước"), ("quang-dien", "xã Quảng Thành"),
            ("phu-vang", "thị trấn Thuận An"), ("phu-vang", "xã Phú Thượng"), ("phu-vang", "xã Vinh Thanh"),
            ("phu-vang", "xã Phú Mỹ"), ("phu-loc", "thị trấn Phú Lộc"), ("phu-loc", "thị trấn Lăng Cô"),
            ("phu-loc", "xã Lộc Điền"), ("phu-loc", "xã Vinh Hưng"), ("a-luoi", "thị trấn A Lưới"),
            ("a-luoi", "xã Hồng Kim"), ("a-luoi", "xã A Ngo"), ("nam-dong", "thị trấn Khe Tre"),
            ("nam-dong", "xã Hương Phú"), ("nam-dong", "xã Thượng Long")]
YEARS = [2021, 2022, 2023, 2024]

facilities = []  # (id, name, kind, level, district)


def add(prefix, n, name, kind, level, district):
    fid = f"{prefix}-{n:02d}"
    facilities.append((fid, name, kind, level, district))
    return fid


groups = {}
groups["tinh"] = [add("TVT", 1, "Thư viện tỉnh Thừa Thiên Huế", "thu-vien-cong-cong", "tinh", "thanh-pho-hue")]
groups["huyen"] = [add("TVH", i + 1, f"Thư viện {DISTRICT_NAMES[d]}", "thu-vien-cong-cong", "huyen", d)
                   for i, d in enumerate(DISTRICTS)]
groups["xa"] = [add("TVX", i + 1, f"Thư viện {c}", "thu-vien-cong-cong", "xa", d) for i, (d, c) in enumerate(COMMUNES)]
UNIS = [("Thư viện Trường Đại học Khoa học, Đại học Huế", "thu-vien-dai-hoc"),
        ("Thư viện Trường Đại học Sư phạm, Đại học Huế", "thu-vien-dai-hoc"),
        ("Thư viện Trường Đại học Y – Dược, Đại học Huế", "thu-vien-dai-hoc"),
        ("Thư viện Trường Đại học Nông Lâm, Đại học Huế", "thu-vien-dai-hoc"),
        ("Thư viện Trường Đại học Kinh tế, Đại học Huế", "thu-vien-dai-hoc"),
        ("Thư viện Trường Đại học Nghệ thuật, Đại học Huế", "thu-vien-dai-hoc"),
        ("Thư viện Bệnh viện Trung ương Huế", "thu-vien-chuyen-nganh"),
        ("Thư viện Viện Nghiên cứu Phật học", "thu-vien-chuyen-nganh"),
        ("Thư viện Trung tâm Bảo tồn Di tích Cố đô Huế", "thu-vien-chuyen-nganh"),
        ("Thư viện Trường Chính trị Nguyễn Chí Thanh", "thu-vien-chuyen-nganh")]
groups["dai-hoc"] = [add("TVD", i + 1, n, k, "tinh", "thanh-pho-hue") for i, (n, k) in enumerate(UNIS)]
ARMED = ["Thư viện Bộ Chỉ huy Quân sự tỉnh", "Thư viện Công an tỉnh", "Thư viện Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
         "Thư viện Trung đoàn 6", "Thư viện Ban Chỉ huy Quân sự huyện Phú Lộc"]
groups["llvt"] = [add("TVQ", i + 1, n, "thu-vien-luc-luong-vu-trang", "tinh" if i < 4 else "huyen",
                      "thanh-pho-hue" if i < 4 else "phu-loc") for i, n in enumerate(ARMED)]
groups["truong"] = []
for i in range(30):
    d = DISTRICTS[i % 9]
    kind = "THPT" if i % 3 == 0 else ("THCS" if i % 3 == 1 else "Cao đẳng nghề")
    name = f"Thư viện trường {kind} số {i // 9 + 1} {DISTRICT_NAMES[d]}"
    groups["truong"].append(add("TVS", i + 1, name, "thu-vien-truong-hoc", "huyen", d))
MUSEUMS = ["Bảo tàng Lịch sử Thừa Thiên Huế", "Bảo tàng Cổ vật Cung đình Huế", "Bảo tàng Mỹ thuật Huế",
           "Bảo tàng Hồ Chí Minh Thừa Thiên Huế", "Bảo tàng Văn hóa Huế", "Bảo tàng Lê Bá Đảng"]
groups["bao-tang"] = [add("BT", i + 1, n, "bao-tang", "tinh", "thanh-pho-hue") for i, n in enumerate(MUSEUMS)]
groups["ttvh"] = [add("VHT", 1, "Trung tâm Văn hóa – Điện ảnh tỉnh", "trung-tam-van-hoa", "tinh", "thanh-pho-hue")]
groups["ttvh"] += [add("VHH", i + 1, f"Trung tâm Văn hóa, Thông tin và Thể thao {DISTRICT_NAMES[d]}",
                       "trung-tam-van-hoa", "huyen", d) for i, d in enumerate(DISTRICTS)]
groups["co-so"] = [add("VHX", i + 1, f"Trung tâm Văn hóa – Thể thao {c}", "trung-tam-van-hoa", "xa", d)
                   for i, (d, c) in enumerate(COMMUNES)]
groups["co-so"] += [add("NVH", i + 1, f"Nhà văn hóa thôn {i % 4 + 1}, {c}", "nha-van-hoa-thon", "thon", d)
                    for i, (d, c) in enumerate(COMMUNES)]

# How many facilities of each group say "có" each year (the first ones in a fixed shuffled order).
YES = {
    ("tinh", "dich_vu_hoc_tap"): [1, 1, 1, 1],
    ("huyen", "dich_vu_hoc_tap"): [3, 4, 5, 6],
    ("xa", "dich_vu_hoc_tap"): [5, 6, 7, 9],
    ("dai-hoc", "dich_vu_hoc_tap"): [6, 6, 6, 7],
    ("llvt", "dich_vu_hoc_tap"): [3, 4, 4, 4],
    ("truong", "dich_vu_hoc_tap"): [15, 15, 14, 13],
    ("bao-tang", "chuong_trinh_giao_duc"): [3, 4, 4, 5],
    ("bao-tang", "trung_bay_so"): [1, 2, 2, 3],
    ("ttvh", "to_chuc_hoat_dong"): [5, 6, 7, 8],
}
VISITS_BASE = {"tinh": 182000, "huyen": 21000, "xa": 2600}
VISITS_GROWTH = {2021: 1.0, 2022: 1.09, 2023: 1.215, 2024: 1.37}
MUSEUM_BASE = [41000, 36500, 12800, 9400, 15200, 6100]
MUSEUM_GROWTH = {2021: 1.0, 2022: 1.04, 2023: 1.09, 2024: 1.155}
# Commune libraries that did not report in 2022.
MISSING_2022 = {"TVX-04", "TVX-17", "TVX-29"}


def order(ids, salt):
    return sorted(ids, key=lambda x: (hash_str(x + salt), x))


def hash_str(text):
    h = 2166136261
    for ch in text.encode():
        h = ((h ^ ch) * 16777619) & 0xFFFFFFFF
    return h


rows = []
for year_index, year in enumerate(YEARS):
    for group, ids in groups.items():
        for fid in ids:
            if year == 2022 and fid in MISSING_2022:
                continue
            row = {"nam": year, "ma_co_so": fid, "dich_vu_hoc_tap": "", "luot_hoc_tap": "",
                   "chuong_trinh_giao_duc": "", "trung_bay_so": "", "to_chuc_hoat_dong": "", "lop_cau_lac_bo": ""}
            for (g, column), counts in YES.items():
                if g == group:
                    chosen = set(order(ids, column)[:counts[year_index]])
                    row[column] = "có" if fid in chosen else "không"
            if group in VISITS_BASE:
                base = VISITS_BASE[group] * (1 + (hash_str(fid) % 40 - 20) / 100)
                row["luot_hoc_tap"] = int(round(base * VISITS_GROWTH[year], -1))
            if group == "bao-tang":
                base = MUSEUM_BASE[ids.index(fid)]
                row["luot_hoc_tap"] = int(round(base * MUSEUM_GROWTH[year], -1))
            if group == "co-so" and year == 2024:
                chosen = set(order(ids, "lop")[:36])
                row["lop_cau_lac_bo"] = "có" if fid in chosen else "không"
            rows.append(row)

os.makedirs("Content/data", exist_ok=True)
with open("Content/data/co-so.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["ma", "ten", "loai", "cap", "dia_ban"])
    w.writerows(facilities)
with open("Content/data/hoat-dong.csv", "w", newline="", encoding="utf-8") as f:
    columns = ["nam", "ma_co_so", "dich_vu_hoc_tap", "luot_hoc_tap", "chuong_trinh_giao_duc", "trung_bay_so",
               "to_chuc_hoat_dong", "lop_cau_lac_bo"]
    w = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
print(len(facilities), "facilities,", len(rows), "rows")
